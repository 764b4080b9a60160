import { bigcommerce } from './bigcommerce.js';
import { etsy } from './etsy.js';
import { lazada } from './lazada.js';
import { loyverse } from './loyverse.js';
import { magento } from './magento.js';
import { moka } from './moka.js';
import type { PlatformProfile } from './profile.js';
import { shopee } from './shopee.js';
import { shopify } from './shopify.js';
import { square } from './square.js';
import { stripe } from './stripe.js';
import { tiktokShop } from './tiktok-shop.js';
import { tokopedia } from './tokopedia.js';
import { woocommerce } from './woocommerce.js';

/** Every layout Segmenta recognises, as the README and /help list them. */
export const PLATFORM_PROFILES: readonly PlatformProfile[] = [
  shopify, woocommerce, shopee, tokopedia, lazada, tiktokShop, square, stripe, loyverse, moka, etsy, bigcommerce, magento,
];

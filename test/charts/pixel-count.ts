import { createCanvas, loadImage } from '@napi-rs/canvas';

/** How many pixels of `png` are exactly each `#RRGGBB` colour (opaque), in the order asked. */
export async function countColor(png: Buffer, colours: readonly string[]): Promise<number[]> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const wanted = colours.map((colour) => Number.parseInt(colour.slice(1), 16));
  const counts = colours.map(() => 0);
  for (let offset = 0; offset < data.length; offset += 4) {
    if (data[offset + 3] !== 255) continue;
    const rgb = (data[offset]! << 16) | (data[offset + 1]! << 8) | data[offset + 2]!;
    const index = wanted.indexOf(rgb);
    if (index >= 0) counts[index]! += 1;
  }
  return counts;
}

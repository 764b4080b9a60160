import { createCanvas, loadImage } from '@napi-rs/canvas';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function hasPngSignature(png: Buffer): boolean {
  return png.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('first PNG chunk is not IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface PixelSurvey {
  /** RGBA of the top-left pixel. */
  corner: [number, number, number, number];
  /** Distinct colours among a 40 × 40 grid of sampled pixels. */
  distinctColors: number;
  /** Share of sampled pixels that are not white. */
  inkShare: number;
}

export async function surveyPixels(png: Buffer): Promise<PixelSurvey> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const at = (x: number, y: number) => {
    const offset = (y * image.width + x) * 4;
    return [data[offset]!, data[offset + 1]!, data[offset + 2]!, data[offset + 3]!] as [number, number, number, number];
  };
  const colors = new Set<string>();
  let ink = 0;
  const steps = 40;
  for (let row = 0; row < steps; row += 1) {
    for (let column = 0; column < steps; column += 1) {
      const pixel = at(Math.floor(((column + 0.5) * image.width) / steps), Math.floor(((row + 0.5) * image.height) / steps));
      colors.add(pixel.join(','));
      if (pixel.slice(0, 3).some((channel) => channel < 250)) ink += 1;
    }
  }
  return { corner: at(0, 0), distinctColors: colors.size, inkShare: ink / steps ** 2 };
}

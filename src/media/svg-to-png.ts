import sharp from "sharp";

/** Rasterizes an SVG drawn by our own code (never user input) to a PNG at its own size. */
export async function svgToPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

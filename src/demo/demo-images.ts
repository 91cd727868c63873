import sharp from "sharp";

/**
 * Demo photographs are drawn locally (SVG rasterized by sharp): no network, no stock
 * photos, no licensing questions. Each is a simple scene in the given palette.
 */
export interface DemoImageSpec {
  readonly sky: [string, string];
  readonly ground: string;
  readonly accent: string;
  readonly shapes: "convoy" | "river" | "city" | "hall";
}

export async function drawDemoImage(
  spec: DemoImageSpec,
  width = 1600,
  height = 1067,
): Promise<Buffer> {
  const horizon = Math.round(height * 0.62);
  const scene: string[] = [];
  if (spec.shapes === "convoy") {
    for (let i = 0; i < 6; i++) {
      const x = 120 + i * 240;
      scene.push(
        `<rect x="${x}" y="${horizon - 70}" width="180" height="90" rx="10" fill="${spec.accent}"/>`,
        `<rect x="${x + 130}" y="${horizon - 55}" width="50" height="40" fill="#dfe7ee"/>`,
        `<circle cx="${x + 40}" cy="${horizon + 25}" r="20" fill="#222"/>`,
        `<circle cx="${x + 140}" cy="${horizon + 25}" r="20" fill="#222"/>`,
      );
    }
  } else if (spec.shapes === "river") {
    scene.push(
      `<path d="M0 ${horizon + 60} C ${width * 0.3} ${horizon - 20}, ${width * 0.6} ${horizon + 140}, ${width} ${horizon + 40} L ${width} ${height} L 0 ${height} Z" fill="${spec.accent}" opacity="0.85"/>`,
    );
  } else if (spec.shapes === "city") {
    for (let i = 0; i < 14; i++) {
      const w = 80 + ((i * 37) % 60);
      const h = 160 + ((i * 71) % 260);
      scene.push(
        `<rect x="${i * 115}" y="${horizon - h}" width="${w}" height="${h}" fill="${spec.accent}" opacity="0.9"/>`,
      );
    }
  } else {
    for (let i = 0; i < 9; i++) {
      scene.push(
        `<rect x="${140 + i * 150}" y="${horizon - 300}" width="40" height="300" fill="${spec.accent}"/>`,
      );
    }
    scene.push(
      `<rect x="100" y="${horizon - 340}" width="${width - 200}" height="50" fill="${spec.accent}"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${spec.sky[0]}"/><stop offset="1" stop-color="${spec.sky[1]}"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#s)"/>
    <rect y="${horizon}" width="${width}" height="${height - horizon}" fill="${spec.ground}"/>
    ${scene.join("")}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

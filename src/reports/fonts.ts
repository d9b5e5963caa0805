/**
 * Fonts shipped with the project (npm packages, TTF), read once. No system fonts, no downloads.
 */
import { readFileSync } from 'node:fs';
import { fontFile } from '../charts/render-svg.ts';

export interface ReportFont {
  family: 'Inter' | 'Source Serif 4';
  file: string;
  data: Buffer;
}

let cached: ReportFont[] | undefined;

export function reportFonts(): ReportFont[] {
  if (cached) return cached;
  const files: Array<[ReportFont['family'], string]> = [
    ['Inter', fontFile('inter', '400Regular')],
    ['Inter', fontFile('inter', '400Regular_Italic')],
    ['Inter', fontFile('inter', '600SemiBold')],
    ['Inter', fontFile('inter', '700Bold')],
    ['Source Serif 4', fontFile('source-serif-4', '400Regular')],
    ['Source Serif 4', fontFile('source-serif-4', '400Regular_Italic')],
    ['Source Serif 4', fontFile('source-serif-4', '600SemiBold')],
    ['Source Serif 4', fontFile('source-serif-4', '700Bold')],
    ['Source Serif 4', fontFile('source-serif-4', '700Bold_Italic')],
  ];
  cached = files.map(([family, file]) => ({ family, file, data: readFileSync(file) }));
  return cached;
}

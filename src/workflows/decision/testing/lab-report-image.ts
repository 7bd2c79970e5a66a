import sharp from 'sharp';

/** A synthetic bilingual printed lab report (no real patient): rows of name, result, unit, range, flag. */
export const SYNTHETIC_LAB_ROWS: readonly (readonly [string, string, string, string, string])[] = [
  ['项目 Test', '结果 Result', '单位 Unit', '参考范围 Range', '提示'],
  ['血红蛋白 Hemoglobin', '98', 'g/L', '130-175', '↓'],
  ['白细胞计数 WBC', '6.5', '10^9/L', '3.5-9.5', ''],
  ['血小板 PLT', '210', '10^9/L', '125-350', ''],
  ['钾 Potassium', '6.2', 'mmol/L', '3.5-5.3', '↑'],
  ['钠 Sodium', '138', 'mmol/L', '137-147', ''],
  ['肌酐 Creatinine', '88', 'μmol/L', '57-111', ''],
];

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Renders the report as a photo-like image (Noto Sans CJK, as printed by a hospital LIS):
 * white page, a title, a table; `tiltDegrees` rotates the page as a hand-held photo would.
 */
export async function renderLabReportImage(options: { format?: 'png' | 'jpeg' | 'webp'; tiltDegrees?: number } = {}): Promise<Buffer> {
  const columns = [40, 330, 470, 610, 790];
  let y = 130;
  let rows = '';
  for (const row of SYNTHETIC_LAB_ROWS) {
    row.forEach((cell, i) => {
      if (cell) rows += `<text x="${columns[i]}" y="${y}">${escapeXml(cell)}</text>`;
    });
    y += 46;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${y + 60}">
<rect width="100%" height="100%" fill="#ffffff"/>
<g font-family="Noto Sans CJK SC, Noto Sans CJK JP, sans-serif" font-size="24" fill="#111111">
<text x="40" y="60" font-size="30">示例医院检验报告单 Laboratory Report</text>
<text x="40" y="95" font-size="20">标本 Specimen: 血清 Serum</text>
${rows}</g></svg>`;
  let image = sharp(Buffer.from(svg));
  if (options.tiltDegrees) image = sharp(await image.png().toBuffer()).rotate(options.tiltDegrees, { background: '#ffffff' });
  const format = options.format ?? 'png';
  return format === 'jpeg' ? image.jpeg({ quality: 90 }).toBuffer() : format === 'webp' ? image.webp().toBuffer() : image.png().toBuffer();
}

import { useMemo } from 'react';
import { encodeQr } from './qr-code';

/** A QR code as an SVG, with the four-module quiet zone scanners expect; nothing when the text is too long. */
export function QrCodeSvg({ text, size = 200, title }: { text: string; size?: number; title: string }) {
  const path = useMemo(() => {
    try {
      const qr = encodeQr(text);
      let d = '';
      qr.modules.forEach((row, y) => {
        row.forEach((dark, x) => {
          if (dark) d += `M${x + 4},${y + 4}h1v1h-1z`;
        });
      });
      return { d, dim: qr.size + 8 };
    } catch {
      return null;
    }
  }, [text]);
  if (!path) return null;
  return (
    <svg
      className="qr-code"
      width={size}
      height={size}
      viewBox={`0 0 ${path.dim} ${path.dim}`}
      role="img"
      aria-label={title}
      data-testid="intake-qr"
      shapeRendering="crispEdges"
    >
      <title>{title}</title>
      <rect width={path.dim} height={path.dim} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}

import type { PhiType, TextLanguage } from '../../src/privacy/index.js';
import type { DecoyKind, DecoySpan, DeidDoc, GoldSpan } from './deid-doc.js';

/** A piece of a note that is recorded as gold PHI or as a decoy when appended. */
export type Piece = { phi: PhiType; text: string } | { decoy: DecoyKind; text: string };

export const phi = (type: PhiType, text: string): Piece => ({ phi: type, text });
export const decoy = (kind: DecoyKind, text: string): Piece => ({ decoy: kind, text });

/** A run of plain text and pieces, in order, ready to append to a note. */
export type Fragment = readonly (string | Piece)[];

/** Tagged template: literal parts and interpolated strings/numbers are plain text; Pieces stay marked. */
export function note(strings: TemplateStringsArray, ...values: (string | number | Piece)[]): Fragment {
  const parts: (string | Piece)[] = [];
  strings.forEach((literal, i) => {
    parts.push(literal);
    const value = values[i];
    if (value !== undefined) parts.push(typeof value === 'number' ? String(value) : value);
  });
  return parts;
}

/**
 * Assembles a note from plain text and marked pieces, recording each piece's offsets as it is
 * appended — so gold offsets are exact by construction, never searched for afterwards.
 *
 * @example
 * const b = new NoteBuilder();
 * b.add(note`患者${phi('NAME', '张伟')}，${decoy('age-under-90', '65')}岁。`);
 * b.build('zh-0001', 'zh').spans; // [{ type: 'NAME', start: 2, end: 4 }]
 */
export class NoteBuilder {
  private text = '';
  private readonly spans: GoldSpan[] = [];
  private readonly decoys: DecoySpan[] = [];

  /** Appends a fragment (see `note`), recording the offsets of its pieces. */
  add(fragment: Fragment): this {
    for (const part of fragment) this.append(part);
    return this;
  }

  /** Appends one value (plain text or a marked piece). */
  append(value: string | number | Piece): this {
    if (typeof value === 'string' || typeof value === 'number') {
      this.text += String(value);
      return this;
    }
    const start = this.text.length;
    this.text += value.text;
    const end = this.text.length;
    if (value.text.length === 0) return this;
    if ('phi' in value) this.spans.push({ type: value.phi, start, end });
    else this.decoys.push({ kind: value.decoy, start, end });
    return this;
  }

  line(): this {
    this.text += '\n';
    return this;
  }

  build(id: string, lang: TextLanguage): DeidDoc {
    const text = this.text.replace(/\n+$/, '');
    return { id, lang, text, spans: [...this.spans], decoys: [...this.decoys] };
  }
}

import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const english = flatten(en);
const chinese = flatten(zhCN);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('web translations', () => {
  it('have the same keys in English and Chinese', () => {
    const onlyEnglish = [...english.keys()].filter((k) => !chinese.has(k));
    const onlyChinese = [...chinese.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlyChinese }).toEqual({ onlyEnglish: [], onlyChinese: [] });
  });

  it('have no empty values', () => {
    const empty = [...english, ...chinese].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation placeholders in both languages', () => {
    const mismatched = [...english].filter(([k, v]) => {
      const zh = chinese.get(k);
      return zh !== undefined && placeholders(zh).join() !== placeholders(v).join();
    });
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('contain only strings at the leaves', () => {
    expect(english.size).toBeGreaterThan(100);
    expect(chinese.size).toBe(english.size);
  });
});

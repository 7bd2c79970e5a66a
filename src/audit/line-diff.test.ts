import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff.js';

describe('diffLines', () => {
  it('reports no edit for identical text', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual({ text: '  a\n  b', editSize: 0 });
  });

  it('marks a changed line as removed and added, counting its characters', () => {
    const diff = diffLines('主诉：咳嗽\n处理：多饮水', '主诉：咳嗽3天\n处理：多饮水');
    expect(diff.text).toBe('- 主诉：咳嗽\n+ 主诉：咳嗽3天\n  处理：多饮水');
    expect(diff.editSize).toBe('主诉：咳嗽3天'.length + 1 + '主诉：咳嗽'.length + 1);
  });

  it('handles additions at the end and deletions at the start', () => {
    expect(diffLines('x\ny', 'y\nz').text).toBe('- x\n  y\n+ z');
  });
});

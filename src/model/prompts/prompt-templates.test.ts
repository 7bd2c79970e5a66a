import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPromptTemplates, renderPrompt } from './prompt-templates.js';

describe('prompt templates', () => {
  it('ship valid templates with both languages and the same variables', () => {
    const templates = loadPromptTemplates();
    expect(templates.size).toBeGreaterThanOrEqual(3);
    for (const template of templates.values()) {
      expect(template['zh-CN'].system ?? template['zh-CN'].user).toBeTruthy();
      expect(template.en.system ?? template.en.user).toBeTruthy();
    }
  });

  it('render deterministically, with the id, version and a hash of what was rendered', () => {
    const a = renderPrompt('chat.assistant', 'zh-CN', { role: '临床医生' });
    const b = renderPrompt('chat.assistant', 'zh-CN', { role: '临床医生' });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ templateId: 'chat.assistant', version: '1.0.0', locale: 'zh-CN' });
    expect(a.system).toContain('临床医生');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(renderPrompt('chat.assistant', 'en', { role: 'clinician' }).hash).not.toBe(a.hash);
    expect(renderPrompt('chat.assistant', 'zh-CN', { role: '护士' }).hash).not.toBe(a.hash);
  });

  it('refuse a missing variable, an unknown template and a template whose variants disagree', () => {
    expect(() => renderPrompt('chat.assistant', 'en', {})).toThrow(/needs role/);
    expect(() => renderPrompt('no.such', 'en', {})).toThrow(/Unknown prompt template/);
    const dir = mkdtempSync(join(tmpdir(), 'suwen-prompts-'));
    writeFileSync(
      join(dir, 'bad.one.json'),
      JSON.stringify({
        id: 'bad.one',
        version: '1.0.0',
        description: 'x',
        variables: ['a'],
        'zh-CN': { user: '{{a}}' },
        en: { user: '{{b}}' },
      }),
    );
    expect(() => loadPromptTemplates(dir)).toThrow(/undeclared b/);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { applyDrafts, sectionDrafts } from '../../components/clinical-document-edit';
import { documentText, type NoteDocument, parseSseBlock, readSse, type SseMessage } from './notes-api';

/** A body that arrives in the given byte pieces, as a network stream may split it. */
function streamOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

const DOC: NoteDocument = {
  format: 'zh-outpatient',
  language: 'zh',
  title: '门诊病历',
  method: 'model',
  sections: [
    {
      key: 'chief_complaint',
      title: '主诉',
      sentences: [{ id: 'S1', text: '咳嗽3天。', support: { sourceIds: ['T2'], status: 'supported', score: 0.8 } }],
    },
    {
      key: 'plan',
      title: '处理意见',
      sentences: [
        { id: 'S2', text: '多饮水。', support: { sourceIds: ['T6'], status: 'supported', score: 0.7 } },
        { id: 'S3', text: '一周后复诊。', support: { sourceIds: ['T6'], status: 'supported', score: 0.9 } },
      ],
    },
  ],
  omissions: [],
};

describe('server-sent events', () => {
  it('parses event and data lines, skipping keep-alive comments', () => {
    expect(parseSseBlock(': keep-alive')).toBeNull();
    expect(parseSseBlock('event: section\ndata: {"section":{"key":"plan"}}\nid: 3')).toEqual({
      event: 'section',
      data: { section: { key: 'plan' } },
    });
    expect(parseSseBlock('data: plain')).toEqual({ event: 'message', data: 'plain' });
  });

  it('reads messages split anywhere across chunks, Chinese characters included', async () => {
    const text = [
      'event: transcript\ndata: {"transcript":{"language":"zh","turns":[{"id":"T1","text":"医生：你好"}]}}\n\n',
      ': keep-alive\n\n',
      'event: section\r\ndata: {"section":{"key":"chief_complaint","title":"主诉"}}\r\n\r\n',
      'event: done\ndata: {}\n\n',
    ].join('');
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 5, 64, bytes.length]) {
      const messages: SseMessage[] = [];
      await readSse(streamOf(split(bytes, size)), (m) => messages.push(m));
      expect(messages.map((m) => m.event)).toEqual(['transcript', 'section', 'done']);
      expect(messages[1]?.data).toEqual({ section: { key: 'chief_complaint', title: '主诉' } });
    }
  });

  it('rejects with the server’s localized message on an error event, after the stream ends', async () => {
    const text =
      'event: section\ndata: {"section":{}}\n\nevent: error\ndata: {"error":{"code":"MODEL_UNAVAILABLE","message":"模型不可用"}}\n\nevent: done\ndata: {}\n\n';
    const seen: string[] = [];
    const reading = readSse(streamOf([new TextEncoder().encode(text)]), (m) => seen.push(m.event));
    await expect(reading).rejects.toBeInstanceOf(ApiError);
    await expect(readSse(streamOf([new TextEncoder().encode(text)]), () => undefined)).rejects.toThrow('模型不可用');
    expect(seen).toEqual(['section', 'done']);
  });
});

describe('editing a document', () => {
  it('keeps unchanged sentences with their support and marks new lines as the clinician’s own, citing nothing', () => {
    const drafts = sectionDrafts(DOC);
    expect(drafts).toEqual({ chief_complaint: '咳嗽3天。', plan: '多饮水。\n一周后复诊。' });
    const edited = applyDrafts(DOC, { ...drafts, plan: '一周后复诊。\n\n如发热不退随时就诊。  ' });
    const plan = edited.sections[1]?.sentences ?? [];
    expect(plan.map((s) => s.text)).toEqual(['一周后复诊。', '如发热不退随时就诊。']);
    expect(plan[0]).toEqual(DOC.sections[1]?.sentences[1]);
    expect(plan[1]).toEqual({ id: 'S4', text: '如发热不退随时就诊。', support: { sourceIds: [], status: 'clinician', score: 0 } });
    expect(edited.sections[0]).toEqual(DOC.sections[0]);
    expect(documentText(edited)).toBe('主诉\n咳嗽3天。\n\n处理意见\n一周后复诊。\n如发热不退随时就诊。');
  });
});

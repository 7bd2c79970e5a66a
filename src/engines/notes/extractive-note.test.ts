import { describe, expect, it } from 'vitest';
import { clinicalDocumentSchema, documentToText, SOAP_SECTIONS, ZH_OUTPATIENT_SECTIONS } from './clinical-document.js';
import { buildExtractiveNote, EXTRACTIVE_TITLES } from './extractive-note.js';
import { parseTranscript } from './parse-transcript.js';

const ZH_CONSULTATION = [
  '医生：您好，哪里不舒服？',
  '患者：我咳嗽发烧三天了，有黄痰。',
  '医生：以前有什么病吗？',
  '患者：有高血压病史五年，一直吃氨氯地平。',
  '医生：对什么药过敏吗？',
  '患者：我对青霉素过敏。',
  '医生：我给您听一下。体温38.5℃，血压130/80mmHg，右下肺可闻及湿啰音。',
  '医生：血常规白细胞升高，胸片提示右下肺斑片影。',
  '医生：考虑社区获得性肺炎。',
  '医生：给您开阿奇霉素口服，每日一次，三天后复查，如有呼吸困难及时就诊。',
].join('\n');

describe('buildExtractiveNote', () => {
  it('keeps what the patient reports in the history and cuts a run-on Chinese sentence where its sections change', () => {
    const transcript = parseTranscript(
      [
        '医生：您好，哪里不舒服？',
        '患者：咳嗽三天了，有点发烧，昨天量体温38.2度。',
        '患者：平时吃二甲双胍，每次500毫克，一天两次。',
        '医生：听诊双肺呼吸音粗，血压130/80。',
        '医生：考虑急性支气管炎，先吃布洛芬退热，多喝水，三天后不好转来复诊。',
      ].join('\n'),
    );
    const doc = buildExtractiveNote(transcript);
    const section = (key: string) => doc.sections.find((s) => s.key === key)?.sentences.map((x) => x.text) ?? [];
    // 主诉 is symptom + duration; the patient's words, home temperature included, are history, not the examination.
    expect(section('chief_complaint')).toEqual(['咳嗽、发热3天。']);
    expect(section('present_illness')).toEqual(['咳嗽三天了，有点发烧，昨天量体温38.2度。']);
    expect(section('past_history')).toEqual(['平时吃二甲双胍，每次500毫克，一天两次。']);
    expect(section('physical_exam')).toEqual(['听诊双肺呼吸音粗，血压130/80。']);
    expect(section('preliminary_diagnosis')).toEqual(['考虑急性支气管炎。']);
    expect(section('plan')).toEqual(['先吃布洛芬退热，多喝水，三天后不好转来复诊。']);
    for (const sentence of doc.sections.flatMap((s) => s.sentences)) expect(sentence.support.sourceIds).toHaveLength(1);
  });

  it('sorts a Chinese consultation into the eight 门诊病历 sections, each sentence citing its turn', () => {
    const transcript = parseTranscript(ZH_CONSULTATION);
    const doc = buildExtractiveNote(transcript);
    expect(clinicalDocumentSchema.parse(doc)).toBeTruthy();
    expect(doc).toMatchObject({ format: 'zh-outpatient', language: 'zh', method: 'extractive', title: EXTRACTIVE_TITLES.zh });
    expect(doc.sections.map((s) => s.key)).toEqual([...ZH_OUTPATIENT_SECTIONS]);
    expect(doc.sections.map((s) => s.title)).toEqual([
      '主诉',
      '现病史',
      '既往史',
      '过敏史',
      '体格检查',
      '辅助检查',
      '初步诊断',
      '处理意见',
    ]);
    const text = (key: string) => doc.sections.find((s) => s.key === key)?.sentences.map((s) => s.text) ?? [];
    expect(text('chief_complaint')).toEqual(['咳嗽、发热3天。']);
    expect(text('present_illness')).toEqual(['我咳嗽发烧三天了，有黄痰。']);
    expect(text('past_history')).toEqual(['有高血压病史五年，一直吃氨氯地平。']);
    expect(text('allergy_history')).toEqual(['我对青霉素过敏。']);
    expect(text('physical_exam')).toContain('体温38.5℃，血压130/80mmHg，右下肺可闻及湿啰音。');
    expect(text('investigations')).toEqual(['血常规白细胞升高，胸片提示右下肺斑片影。']);
    expect(text('preliminary_diagnosis')).toEqual(['考虑社区获得性肺炎。']);
    expect(text('plan')).toEqual(['给您开阿奇霉素口服，每日一次，三天后复查，如有呼吸困难及时就诊。']);
    // Questions are not findings.
    expect(documentToText(doc)).not.toContain('哪里不舒服');
    const allergy = doc.sections.find((s) => s.key === 'allergy_history')?.sentences[0];
    expect(allergy?.support).toEqual({ sourceIds: ['T6'], status: 'supported', score: 1 });
    const ids = doc.sections.flatMap((s) => s.sentences.map((x) => x.id));
    expect(ids).toEqual(ids.map((_, i) => `S${i + 1}`));
  });

  it('writes SOAP with English headings, or Chinese headings on request, keeping the transcript words', () => {
    const transcript = parseTranscript(ZH_CONSULTATION);
    const soapZh = buildExtractiveNote(transcript, { format: 'soap' });
    expect(soapZh.sections.map((s) => s.title)).toEqual(['主观资料（S）', '客观资料（O）', '评估（A）', '计划（P）']);
    const outpatientEn = buildExtractiveNote(transcript, { format: 'zh-outpatient', language: 'en' });
    expect(outpatientEn.title).toBe(EXTRACTIVE_TITLES.en);
    expect(outpatientEn.sections[0]?.title).toBe('Chief complaint');
    expect(outpatientEn.sections[0]?.sentences[0]?.text).toBe('咳嗽、发热3天。');
    expect(outpatientEn.sections[1]?.sentences[0]?.text).toBe('我咳嗽发烧三天了，有黄痰。');
  });

  it('keeps every section, empty, when nothing clinical was said', () => {
    const doc = buildExtractiveNote(parseTranscript('Doctor: Hello.\nPatient: Hi.'));
    expect(doc.sections.map((s) => [s.key, s.sentences.length])).toEqual(SOAP_SECTIONS.map((key) => [key, 0]));
  });
});

/**
 * Issue 23 item 7: the no-model note a doctor would sign — 主诉 as symptom + duration, sections
 * chosen by content (orders and return advice in the plan, results already obtained under
 * 辅助检查 / Objective), the 门诊病历 header, and the facts an English SOAP note dropped (a sulfa
 * allergy with its reaction, a urine dipstick, pink urine, pregnancy status) kept and checked.
 */
import { describe, expect, it } from 'vitest';
import { getKnowledgeBase } from '../../knowledge/index.js';
import { MedicationIndex } from '../medication/index.js';
import type { ClinicalDocument } from './clinical-document.js';
import { createFactExtractor } from './clinical-facts.js';
import { buildExtractiveNote } from './extractive-note.js';
import { findOmissions } from './find-omissions.js';
import { buildOutpatientHeader } from './outpatient-header.js';
import { parseTranscript } from './parse-transcript.js';

const engines = { medications: new MedicationIndex(getKnowledgeBase()) };
const texts = (doc: ClinicalDocument, key: string) => doc.sections.find((s) => s.key === key)?.sentences.map((s) => s.text) ?? [];

describe('主诉 as main symptom + duration', () => {
  it('writes 咳嗽、发热3天 for "医生，我咳嗽三天了，还发烧…", keeping the patient’s words in 现病史', () => {
    const doc = buildExtractiveNote(
      parseTranscript(
        ['医生：您好，哪里不舒服？', '患者：医生，我咳嗽三天了，还发烧，晚上咳得睡不着。', '医生：考虑急性支气管炎。'].join('\n'),
      ),
    );
    expect(texts(doc, 'chief_complaint')).toEqual(['咳嗽、发热3天。']);
    expect(texts(doc, 'present_illness')).toEqual(['我咳嗽三天了，还发烧，晚上咳得睡不着。']);
    const cc = doc.sections.find((s) => s.key === 'chief_complaint')?.sentences[0];
    expect(cc?.support).toMatchObject({ sourceIds: ['T2'], status: 'computed' });
  });

  it('reads colloquial complaints and Chinese-numeral durations, at most 20 characters', () => {
    const cases: [string, string][] = [
      ['患者：这两天小便的时候特别疼，老想上厕所，尿的颜色有点发红。', '尿痛、尿频、尿色发红2天。'],
      ['患者：大夫，最近一个月老觉得口干，喝水特别多，晚上要起来好几次小便。', '口干、多饮、夜尿增多1个月。'],
      ['患者：胸口疼了两个小时，出了一身汗。', '胸痛2小时。'],
      ['患者：头疼半年了，最近一周加重。', '头痛6个月。'],
    ];
    for (const [line, expected] of cases) {
      const cc = texts(buildExtractiveNote(parseTranscript(`医生：哪里不舒服？\n${line}`)), 'chief_complaint');
      expect(cc, line).toEqual([expected]);
      expect((cc[0] ?? '').length).toBeLessThanOrEqual(21);
    }
  });
});

describe('sections chosen by content', () => {
  it('files Chinese orders and return advice under 处理意见, results already obtained under 辅助检查, an allergy reaction with the allergy', () => {
    const doc = buildExtractiveNote(
      parseTranscript(
        [
          '医生：对什么药过敏吗？',
          '患者：对青霉素过敏，打过一次起了一身皮疹。',
          '医生：刚才查的血常规白细胞12.5，中性粒细胞偏高。尿妊娠试验阴性。',
          '医生：去拍个胸片，给您开阿奇霉素，每天一次，每次0.5克，连吃三天。',
          '医生：今天抽血查糖化血红蛋白和肾功能。',
          '医生：一周后复查尿常规，如果出现发烧或者腰疼，及时就诊。',
        ].join('\n'),
      ),
    );
    expect(texts(doc, 'allergy_history')).toEqual(['对青霉素过敏，打过一次起了一身皮疹。']);
    expect(texts(doc, 'investigations')).toEqual(['刚才查的血常规白细胞12.5，中性粒细胞偏高。', '尿妊娠试验阴性。']);
    expect(texts(doc, 'plan')).toEqual([
      '去拍个胸片，给您开阿奇霉素，每天一次，每次0.5克，连吃三天。',
      '今天抽血查糖化血红蛋白和肾功能。',
      '一周后复查尿常规，如果出现发烧或者腰疼，及时就诊。',
    ]);
    expect(texts(doc, 'present_illness')).toEqual([]);
  });

  it('files English orders and return advice under Plan, point-of-care results under Objective, pregnancy status and own medicines under Subjective', () => {
    const doc = buildExtractiveNote(
      parseTranscript(
        [
          "Patient: I've had burning when I pee for three days, and this morning my urine looked pink.",
          "Patient: No, I'm not pregnant, my period ended last week.",
          'Patient: I use my albuterol inhaler, but now I need it every four hours.',
          'Patient: Only my prenatal vitamins.',
          'Doctor: Your urine dipstick shows leukocytes 2+, nitrites positive and trace blood. The urine pregnancy test is negative.',
          'Doctor: Your peak flow is 280, which is about 60 percent of your best.',
          "Doctor: I'm also sending a urine culture. I'm ordering a chest x-ray to rule out pneumonia.",
          "Doctor: Follow up in one week, and come back right away if you can't keep fluids down or you have any bleeding.",
        ].join('\n'),
      ),
    );
    expect(texts(doc, 'subjective')).toEqual([
      "I've had burning when I pee for three days, and this morning my urine looked pink.",
      "No, I'm not pregnant, my period ended last week.",
      'I use my albuterol inhaler, but now I need it every four hours.',
      'Only my prenatal vitamins.',
    ]);
    expect(texts(doc, 'objective')).toEqual([
      'Your urine dipstick shows leukocytes 2+, nitrites positive and trace blood.',
      'The urine pregnancy test is negative.',
      'Your peak flow is 280, which is about 60 percent of your best.',
    ]);
    expect(texts(doc, 'assessment')).toEqual([]);
    expect(texts(doc, 'plan')).toEqual([
      "I'm also sending a urine culture.",
      "I'm ordering a chest x-ray to rule out pneumonia.",
      "Follow up in one week, and come back right away if you can't keep fluids down or you have any bleeding.",
    ]);
  });
});

describe('门诊病历 header', () => {
  it('fills 姓名、性别、年龄、科别、就诊日期 from the record and leaves 医师签名 to the clinician', () => {
    const header = buildOutpatientHeader({ name: '张三', sex: 'female', age: 34, department: '呼吸内科', visitDate: '2026-12-08' }, 'zh');
    expect(header.key).toBe('header');
    expect(header.title).toBe('门诊病历');
    expect(header.sentences.map((s) => s.text)).toEqual([
      '姓名：张三',
      '性别：女',
      '年龄：34岁',
      '科别：呼吸内科',
      '就诊日期：2026-12-08',
      '医师签名：＿＿＿＿＿＿',
    ]);
    expect(header.sentences.every((s) => s.support.status === 'computed')).toBe(true);
  });

  it('leaves every line blank to fill when the note is not written for a chart patient', () => {
    const zh = buildOutpatientHeader({}, 'zh');
    expect(zh.sentences.map((s) => s.text)).toEqual([
      '姓名：＿＿＿＿＿＿',
      '性别：＿＿＿＿＿＿',
      '年龄：＿＿＿＿＿＿',
      '科别：＿＿＿＿＿＿',
      '就诊日期：＿＿＿＿＿＿',
      '医师签名：＿＿＿＿＿＿',
    ]);
    const en = buildOutpatientHeader({ sex: 'male', age: 61 }, 'en');
    expect(en.title).toBe('Outpatient record');
    expect(en.sentences.map((s) => s.text)).toEqual([
      'Name: ______',
      'Sex: male',
      'Age: 61 years',
      'Department: ______',
      'Visit date: ______',
      'Physician signature: ______',
    ]);
  });
});

const SULFA_VISIT = parseTranscript(
  [
    "Patient: I've had burning when I pee for three days, and this morning my urine looked pink.",
    'Doctor: Is there any chance you could be pregnant?',
    "Patient: No, I'm not pregnant, my last period started two weeks ago.",
    "Patient: Yes, I'm allergic to sulfa, it gave me hives and my lips swelled up.",
    'Doctor: Your urine dipstick shows leukocytes 2+, nitrites positive and trace blood. The urine pregnancy test is negative.',
    'Doctor: The fingerstick glucose is 84.',
    "Doctor: I'll prescribe nitrofurantoin 100 mg twice a day for five days.",
  ].join('\n'),
);

function noteOf(lines: string[]): ClinicalDocument {
  return {
    format: 'soap',
    language: 'en',
    title: 'draft',
    method: 'model',
    sections: [
      {
        key: 'plan',
        title: 'Plan',
        sentences: lines.map((text, i) => ({ id: `S${i + 1}`, text, support: { sourceIds: [], status: 'supported', score: 1 } })),
      },
    ],
    omissions: [],
  };
}

describe('allergies with their reaction, point-of-care results, urine colour and pregnancy status', () => {
  it('reads them as facts in English and Chinese', () => {
    const extract = createFactExtractor(engines.medications);
    const keys = (text: string) => extract(text).map((f) => `${f.kind}:${f.key}${f.reactions ? `(${f.reactions.join('+')})` : ''}`);
    expect(keys("Yes, I'm allergic to sulfa, it gave me hives and my lips swelled up.")).toEqual(
      expect.arrayContaining(['allergy:sulfonamide-antibiotic(rash+angioedema)']),
    );
    expect(
      keys('Your urine dipstick shows leukocytes 2+, nitrites positive and trace blood. The urine pregnancy test is negative.'),
    ).toEqual(expect.arrayContaining(['result:urine:leukocytes', 'result:urine:nitrite', 'result:urine:blood', 'result:hcg']));
    expect(keys('The fingerstick glucose is 84.')).toEqual(['result:glucose']);
    expect(keys('this morning my urine looked pink')).toEqual(['symptom:hematuria']);
    expect(keys("No, I'm not pregnant, my last period started two weeks ago.")).toEqual(
      expect.arrayContaining(['pregnancy:not-pregnant', 'pregnancy:lmp']),
    );
    expect(keys("I'm nine weeks pregnant")).toEqual(expect.arrayContaining(['pregnancy:pregnant']));
    expect(keys('刚才尿常规试纸结果出来了，白细胞3+，亚硝酸盐阳性，潜血1+。尿妊娠试验阴性。')).toEqual(
      expect.arrayContaining(['result:urine:leukocytes', 'result:urine:nitrite', 'result:urine:blood', 'result:hcg']),
    );
    expect(keys('我对磺胺过敏，吃了会起荨麻疹。')).toEqual(expect.arrayContaining(['allergy:sulfonamide-antibiotic(rash)']));
    expect(keys('尿的颜色有点发红')).toEqual(['symptom:hematuria']);
    expect(keys('不可能怀孕，上次月经是两周前来的。')).toEqual(expect.arrayContaining(['pregnancy:not-pregnant', 'pregnancy:lmp']));
    expect(keys('指尖血糖是13.2')).toEqual(['result:glucose']);
    // Asked, not stated.
    expect(extract('Is there any chance you could be pregnant?').every((f) => f.question)).toBe(true);
  });

  it('lists the dropped sulfa allergy with its reaction, the dipstick and pregnancy test, pink urine and pregnancy status', () => {
    const omissions = findOmissions(
      SULFA_VISIT,
      noteOf(['Burning on urination for 3 days.', 'Nitrofurantoin 100 mg twice daily.']),
      engines,
    );
    const list = omissions.map((o) => `${o.kind}:${o.text}`);
    expect(list).toEqual(expect.arrayContaining(['allergy:sulfa (hives, lips swelled)', 'symptom:urine looked pink']));
    expect(omissions.filter((o) => o.kind === 'result').map((o) => o.text)).toEqual(
      expect.arrayContaining(['leukocytes 2+', 'nitrites positive', 'pregnancy test is negative', 'glucose is 84']),
    );
    expect(omissions.filter((o) => o.kind === 'pregnancy').map((o) => o.turnIds)).toEqual([['T3'], ['T3']]);
    // The reaction belongs to the allergy: not listed again as a symptom of the visit.
    expect(list.some((entry) => entry.startsWith('symptom:hives'))).toBe(false);
  });

  it('lists an allergy whose reaction the note leaves out, and nothing when the note has everything', () => {
    const withoutReaction = findOmissions(
      SULFA_VISIT,
      noteOf([
        'Burning on urination for 3 days; pink urine. Not pregnant; LMP 2 weeks ago.',
        'Allergy: sulfa.',
        'Urine dipstick: leukocytes 2+, nitrite positive, trace blood. Urine pregnancy test negative. Fingerstick glucose 84.',
        'Nitrofurantoin 100 mg twice daily.',
      ]),
      engines,
    );
    expect(withoutReaction.map((o) => `${o.kind}:${o.text}`)).toEqual(['allergy:sulfa (hives, lips swelled)']);
    const complete = findOmissions(
      SULFA_VISIT,
      noteOf([
        'Burning on urination for 3 days; pink urine. Not pregnant; LMP 2 weeks ago.',
        'Allergy: sulfa (hives, lip swelling).',
        'Urine dipstick: leukocytes 2+, nitrite positive, trace blood. Urine pregnancy test negative. Fingerstick glucose 84.',
        'Nitrofurantoin 100 mg twice daily.',
      ]),
      engines,
    );
    expect(complete).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { IntakeFacts } from '../intake/index.js';
import { detectRedFlags } from './detect-red-flags.js';
import type { RedFlagId } from './red-flag-rules.js';

function typed(text: string, extra: Partial<IntakeFacts> = {}): IntakeFacts {
  return { evidence: [], denied: [], answers: {}, texts: [text], ...extra };
}

function flagsOf(text: string, extra: Partial<IntakeFacts> = {}): string[] {
  return detectRedFlags(typed(text, extra)).map((h) => h.id);
}

const POSITIVES: [string, RedFlagId][] = [
  ['胸口很痛还出冷汗', 'cardiac-chest-pain'],
  ['胸痛，喘不过气', 'cardiac-chest-pain'],
  ['心口疼，一身大汗', 'cardiac-chest-pain'],
  ['胸闷，呼吸困难半小时', 'cardiac-chest-pain'],
  ['胸口像压了一块大石头，放射到左手臂', 'cardiac-chest-pain'],
  ['I have crushing chest pain', 'cardiac-chest-pain'],
  ['Chest pain spreading to my left arm', 'cardiac-chest-pain'],
  ['CHEST PAIN and I am sweating', 'cardiac-chest-pain'],
  ['ｃｈｅｓｔ　ｐａｉｎ，ｃｌａｍｍｙ', 'cardiac-chest-pain'],
  ['pressure in my chest and short of breath', 'cardiac-chest-pain'],
  ['我爸爸现在胸口痛，出冷汗', 'cardiac-chest-pain'],
  ['早上起来嘴歪了', 'stroke-signs'],
  ['突然口角歪斜', 'stroke-signs'],
  ['右边胳膊突然没力气', 'stroke-signs'],
  ['一侧肢体无力', 'stroke-signs'],
  ['说话不清楚', 'stroke-signs'],
  ['妈妈突然言语不清', 'stroke-signs'],
  ['My face is drooping on one side', 'stroke-signs'],
  ['his speech is slurred', 'stroke-signs'],
  ["I can't lift my left arm", 'stroke-signs'],
  ['吃了虾以后嘴唇肿了', 'anaphylaxis'],
  ['舌头肿起来了', 'anaphylaxis'],
  ['过敏后喘不上气', 'anaphylaxis'],
  ['被蜜蜂蜇了，现在有喘鸣', 'anaphylaxis'],
  ['My throat is swelling after eating peanuts', 'anaphylaxis'],
  ['allergic reaction and wheezing', 'anaphylaxis'],
  ['今天吐血了', 'severe-bleeding'],
  ['呕吐物里有血', 'severe-bleeding'],
  ['伤口流血不止', 'severe-bleeding'],
  ['拉黑便，刚才晕倒了', 'severe-bleeding'],
  ['vomiting blood since this morning', 'severe-bleeding'],
  ["bleeding that won't stop", 'severe-bleeding'],
  ['发烧39度，人有点糊涂', 'sepsis-signs'],
  ['高烧，嘴唇发紫', 'sepsis-signs'],
  ['发热，一天都没小便', 'sepsis-signs'],
  ['fever and very confused', 'sepsis-signs'],
  ['high temperature, mottled skin', 'sepsis-signs'],
  ['我不想活了', 'suicidal-ideation'],
  ['有时候想死', 'suicidal-ideation'],
  ['想结束自己的生命', 'suicidal-ideation'],
  ['控制不住想伤害自己', 'suicidal-ideation'],
  ['I want to kill myself', 'suicidal-ideation'],
  ['thinking about suicide', 'suicidal-ideation'],
  ['I keep cutting myself', 'suicidal-ideation'],
  ['怀孕8周，阴道出血', 'pregnancy-warning'],
  ['孕30周见红了', 'pregnancy-warning'],
  ['怀孕了，肚子疼得厉害', 'pregnancy-warning'],
  ['I am pregnant and have vaginal bleeding', 'pregnancy-warning'],
  ['宝宝2个月，发烧38.5℃', 'infant-fever'],
  ['新生儿发热', 'infant-fever'],
  ['my 6-week-old has a fever', 'infant-fever'],
  ['突然剧烈头痛', 'thunderclap-headache'],
  ['这辈子最厉害的头痛', 'thunderclap-headache'],
  ['worst headache of my life', 'thunderclap-headache'],
  ['sudden severe headache', 'thunderclap-headache'],
  ['刚才晕过去了', 'consciousness-seizure'],
  ['全身抽搐，口吐白沫', 'consciousness-seizure'],
  ['he passed out', 'consciousness-seizure'],
  ['she is having a seizure', 'consciousness-seizure'],
  ['喘不上气', 'severe-breathing'],
  ['憋得说不出话', 'severe-breathing'],
  ["I can't breathe", 'severe-breathing'],
  ["can't speak in full sentences", 'severe-breathing'],
  // The emergencies added with the second evaluation set (wording not taken from that set).
  ['手术后第三天，突然喘不过气', 'pulmonary-embolism'],
  ['my right calf is swollen and I am short of breath', 'pulmonary-embolism'],
  ['突发撕裂样胸痛', 'aortic-dissection'],
  ['ripping pain in my back, came on suddenly', 'aortic-dissection'],
  ['糖尿病，今天吐了三次', 'diabetic-ketoacidosis'],
  ['blood ketones 3.4', 'diabetic-ketoacidosis'],
  ['测血糖2.6', 'severe-hypoglycaemia'],
  ['blood sugar 50 mg/dL', 'severe-hypoglycaemia'],
  ['my dad is diabetic and is confused', 'severe-hypoglycaemia'],
  ['抽搐超过5分钟了', 'status-epilepticus'],
  ['seizure for 6 minutes now', 'status-epilepticus'],
  ['发烧，脖子僵硬', 'meningitis-signs'],
  ["spots that don't fade when pressed with a glass", 'meningitis-signs'],
  ['肚子疼，两天没排气了', 'acute-abdomen'],
  ['stomach pain, belly rigid', 'acute-abdomen'],
  ['头撞了以后一直吐', 'head-injury'],
  ['hit her head and is on apixaban', 'head-injury'],
  ['血氧88', 'severe-breathing'],
  ['short of breath, lips are blue', 'severe-breathing'],
  ['拉黑便，头晕眼花', 'severe-bleeding'],
];

/** Texts that must not raise any red flag: negations, other people's history, decoys. */
const NEGATIVES: string[] = [
  '没有胸痛',
  '无胸痛',
  '不胸痛',
  '否认胸痛',
  '没有胸痛和出汗',
  '胸痛（－）',
  'no chest pain',
  'denies chest pain',
  'No chest pain or sweating',
  "I don't have chest pain",
  'my father had chest pain years ago',
  '父亲曾经胸痛，出了很多汗',
  '母亲以前中风过，说话不清',
  '家人曾经有人自杀',
  '我不想死',
  "I don't want to die",
  'no thoughts of suicide',
  '从来没想过自杀',
  '嗓子肿痛三天',
  '我对青霉素过敏',
  '没有发烧',
  '5年前晕倒过一次',
  "I'm confused about my medication",
  '我在备孕，最近月经量多',
  '腿抽筋',
  '眼皮抽搐',
  '头痛两天，不严重',
  '咳嗽有痰，流鼻涕',
  '宝宝3岁，发烧38度',
  // Negation, history and decoys for the added emergencies.
  '没有撕裂样胸痛',
  'no stiff neck, temperature 38.5',
  'diabetic, denies vomiting',
  '我爸以前摔倒撞到头，吐过',
  '5年前癫痫发作持续了半小时',
  '血糖2小时后测是8.6',
  '吸烟抽了十几分钟',
  'blood oxygen 97',
  '我有糖尿病，来开药',
  'my mother had a blood clot in her leg years ago',
  '肚子不痛，没有不排气',
  // Words the added rules use, in everyday senses.
  'coughing fits for 10 minutes',
  'what is DKA?',
  '腿肿，按下去不消',
  "headache that doesn't go away, pressure behind my eyes",
  '大便硬邦邦的',
  '吐出黄绿色的痰',
  'sat in the waiting room for 90 minutes',
  'insulin resistance, vomiting after dinner',
  'my throat hurts when I cough, had surgery last week',
  'back pain started suddenly when lifting',
  '发烧，颈部有个硬结',
  '感冒鼻子不通气，肚子有点痛',
  '头两天打了疫苗，吐了',
];

describe('detectRedFlags on typed text', () => {
  it.each(POSITIVES)('raises a red flag for %j (%s)', (text, id) => {
    expect(flagsOf(text)).toContain(id);
  });

  it.each(NEGATIVES)('raises no red flag for %j', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });

  it('tells a single seizure from one that is not stopping', () => {
    expect(flagsOf('seizure 10 minutes ago, now back to normal')).toEqual(['consciousness-seizure']);
    expect(flagsOf('抽了十分钟还没停')).toContain('status-epilepticus');
    // "发作" alone is any attack: an angina attack of ten minutes is not a seizure.
    expect(flagsOf('心绞痛发作，持续十分钟')).not.toContain('status-epilepticus');
  });

  it('marks a flag found in text with trigger "text"', () => {
    expect(detectRedFlags(typed('胸口很痛还出冷汗'))[0]).toMatchObject({ id: 'cardiac-chest-pain', trigger: 'text' });
  });

  it('combines a typed complaint with a ticked answer into one flag', () => {
    const facts = typed('胸口痛', { evidence: ['E_50'] });
    expect(detectRedFlags(facts).map((h) => h.id)).toEqual(['cardiac-chest-pain']);
  });

  it('reads the chief complaint answer when it is not among the texts', () => {
    const facts: IntakeFacts = { evidence: [], denied: [], answers: { 'chief-complaint': '突然嘴歪' }, texts: [] };
    expect(detectRedFlags(facts).map((h) => h.id)).toEqual(['stroke-signs']);
  });

  it('keeps a positive clause after a negated one', () => {
    expect(flagsOf('没有发烧，但是胸口痛出冷汗')).toEqual(['cardiac-chest-pain']);
    expect(flagsOf('no fever, but chest pain and sweating')).toEqual(['cardiac-chest-pain']);
  });

  it('fires for infant fever when the age comes from the facts', () => {
    expect(flagsOf('发烧了', { age: 0.1 })).toEqual(['infant-fever']);
    expect(flagsOf('发烧了', { age: 0.4 })).toEqual([]);
  });

  // The budget is "well under 5 ms CPU" per message (issue 23); a phone answer is ~50 characters and
  // takes ~0.13 ms. Normalisation and composed findings (text-combos.ts) brought a 2,000-character
  // text from ~0.5 to ~1.0 ms on a quiet CPU (up to ~1.7 ms on the shared 2-core test machine), so
  // the bound is 3 ms rather than 1 — still well inside the 5 ms budget.
  it('detects in a 2,000-character text in well under 3 ms on average', () => {
    const filler = '患者咳嗽三天，有痰，流鼻涕，没有胸痛，否认发热。The cough is dry at night, no chest pain. ';
    const text = `${filler.repeat(Math.ceil(2000 / filler.length)).slice(0, 1990)}胸口痛出冷汗`;
    expect(text.length).toBeGreaterThanOrEqual(1996);
    const facts = typed(text);
    for (let i = 0; i < 20; i++) detectRedFlags(facts);
    // Median of batches of CPU time (not wall time), so a busy test machine does not decide the result.
    const batches: number[] = [];
    for (let b = 0; b < 9; b++) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < 50; i++) detectRedFlags(facts);
      const used = process.cpuUsage(t0);
      batches.push((used.user + used.system) / 1000 / 50);
    }
    const perRun = batches.sort((x, y) => x - y)[4] ?? Number.POSITIVE_INFINITY;
    expect(detectRedFlags(facts).map((h) => h.id)).toEqual(['cardiac-chest-pain']);
    expect(perRun).toBeLessThan(3);
  });
});

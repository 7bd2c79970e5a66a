import { z } from 'zod';
import type { ClinicalDocument, NoteLanguage, OmissionKind } from '../../engines/notes/index.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });
/** The parts of the note's medication check (engines/notes/check-note.ts) the markdown shows. */
const medicationCheckView = z.looseObject({
  medications: z.array(z.string()).default([]),
  allergies: z.array(z.string()).default([]),
  result: z
    .looseObject({
      medications: z.array(z.looseObject({ input: z.looseObject({ name: z.string() }), name: bilingual.optional() })).default([]),
      findings: z
        .array(z.looseObject({ severity: z.string(), title: bilingual, source: z.looseObject({ title: z.string() }).optional() }))
        .default([]),
    })
    .optional(),
});

const WORDS: Record<NoteLanguage, Record<string, string>> = {
  zh: {
    draft: '> 【草稿】供临床医生审核，不构成诊断或治疗决定。',
    extractive: '> 抽取式草稿：未使用语言模型，句子为按规则摘取的对话原文（主诉按“症状＋时间”归纳，眉栏取自病历）。',
    unsupported: '⚠ 无对话依据',
    empty: '（对话未涉及）',
    omissions: '可能遗漏（对话中提到但病历未写）',
    medications: '用药核查',
    mentioned: '对话中提到的药物',
    allergies: '过敏',
    none: '无',
    artifact: '草稿编号',
  },
  en: {
    draft: '> DRAFT for clinician review — not a diagnosis or treatment decision.',
    extractive: '> Extractive draft: no language model; sentences are transcript sentences sorted by rules.',
    unsupported: '⚠ unsupported',
    empty: '(not covered in the conversation)',
    omissions: 'Possible omissions (said in the consultation, not in the note)',
    medications: 'Medication check',
    mentioned: 'Medications mentioned',
    allergies: 'Allergies',
    none: 'None',
    artifact: 'Draft id',
  },
};

const OMISSION_WORDS: Record<OmissionKind, Record<NoteLanguage, string>> = {
  medication: { zh: '药物', en: 'medication' },
  allergy: { zh: '过敏', en: 'allergy' },
  symptom: { zh: '症状', en: 'symptom' },
  vital: { zh: '生命体征', en: 'vital sign' },
  result: { zh: '检查结果', en: 'result' },
  pregnancy: { zh: '妊娠状态', en: 'pregnancy status' },
  dose: { zh: '剂量', en: 'dose' },
  follow_up: { zh: '随访', en: 'follow-up' },
};

/**
 * A note as Markdown for the terminal: sections with each sentence's sources ([T3]) and a ⚠ on
 * sentences nothing in the transcript backs, then the possible omissions and the medication check.
 */
export function renderNoteMarkdown(document: ClinicalDocument, artifactId: string | null): string {
  const language = document.language;
  const words = WORDS[language];
  const lines = [`# ${document.title}`, '', words.draft as string];
  if (document.method === 'extractive') lines.push(words.extractive as string);
  if (artifactId) lines.push('', `${words.artifact}: ${artifactId}`);
  for (const section of document.sections) {
    lines.push('', `## ${section.title}`);
    if (section.sentences.length === 0) lines.push(words.empty as string);
    for (const sentence of section.sentences) {
      const sources = sentence.support.sourceIds.length ? ` [${sentence.support.sourceIds.join(', ')}]` : '';
      const flag = sentence.support.status === 'unsupported' ? ` ${words.unsupported}` : '';
      lines.push(`- ${sentence.text}${sources}${flag}`);
    }
  }
  lines.push('', `## ${words.omissions}`);
  if (document.omissions.length === 0) lines.push(words.none as string);
  for (const omission of document.omissions)
    lines.push(`- ${OMISSION_WORDS[omission.kind][language]}: ${omission.text} [${omission.turnIds.join(', ')}]`);
  const check = medicationCheckView.safeParse(document.extras?.medicationCheck);
  if (check.success) {
    lines.push('', `## ${words.medications}`);
    const names =
      check.data.result?.medications.map((medication) => medication.name?.[language] ?? medication.input.name) ?? check.data.medications;
    const list = (items: string[]) => (items.length ? items.join(language === 'zh' ? '、' : ', ') : words.none);
    lines.push(`${words.mentioned}: ${list(names)}`, `${words.allergies}: ${list(check.data.allergies)}`);
    for (const finding of check.data.result?.findings ?? [])
      lines.push(`- **${finding.severity}** ${finding.title[language]}${finding.source ? ` — ${finding.source.title}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Clinical writing in a real browser against the real server, with a scripted OpenAI-compatible
 * model (chat and speech): the clinician transcribes a recording into the transcript box, pastes a
 * consultation, has the model write the note (streamed), hovers a sentence and sees the turn it
 * cites highlighted, sees the invented sentence flagged and the dropped medicine listed as an
 * omission, accepts, and downloads the PDF and the FHIR bundle; an extractive note in Chinese from
 * a chart encounter on a phone, edited in place; a draft rejected with a reason from its artifact
 * page; a recording from a fake microphone; a discharge summary of an inpatient stay. Screenshots
 * go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedModelServer, startScriptedModelServer } from '../../src/model/testing/index.js';
import { type E2eHarness, en, msg, RESULTS, startHarness, zh } from './e2e-harness.js';

let harness: E2eHarness | undefined;
let model: ScriptedModelServer | undefined;

function h(): E2eHarness {
  if (!harness) throw new Error('Harness not started');
  return harness;
}

const CONSULTATION = [
  'Doctor: Good morning. What brings you in today?',
  'Patient: I have had a sore throat and a fever for two days.',
  'Doctor: Do you take any medicines, and any allergies?',
  'Patient: I take metformin 500 mg twice a day for diabetes. I am allergic to penicillin.',
  'Doctor: Your temperature is 38.5. Your throat is red and your lungs sound clear.',
  'Doctor: This looks like a viral throat infection. Take ibuprofen 400 mg three times a day with food and come back in one week if you are not better.',
].join('\n');

/** The model's SOAP note: one invented sentence (cites T2, which says nothing of it); ibuprofen is dropped. */
const MODEL_NOTE = {
  subjective: [
    { text: 'Sore throat and fever for two days.', sourceTurnIds: ['T2'] },
    { text: 'Takes metformin 500 mg twice a day for diabetes.', sourceTurnIds: ['T4'] },
    { text: 'Allergic to penicillin.', sourceTurnIds: ['T4'] },
    { text: 'Patient reports a history of stroke.', sourceTurnIds: ['T2'] },
  ],
  objective: [
    { text: 'Temperature 38.5.', sourceTurnIds: ['T5'] },
    { text: 'Throat is red and lungs sound clear.', sourceTurnIds: ['T5'] },
  ],
  assessment: [{ text: 'Viral throat infection.', sourceTurnIds: ['T6'] }],
  plan: [{ text: 'Come back in one week if not better.', sourceTurnIds: ['T6'] }],
};

const CONSULTATION_ZH = [
  '医生：你好，哪里不舒服？',
  '患者：我咳嗽三天了，还有点发烧。',
  '医生：有没有药物过敏？',
  '患者：我对青霉素过敏。',
  '医生：体温三十八度二，两肺呼吸音清。',
  '医生：考虑上呼吸道感染，多喝水，一周后复诊。',
].join('\n');

/** One second of a 440 Hz tone as 16 kHz mono 16-bit WAV: real audio for the upload. */
function toneWav(seconds = 1, rate = 16_000): Buffer {
  const samples = seconds * rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVE', 8);
  wav.write('fmt ', 12);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return wav;
}

beforeAll(async () => {
  model = await startScriptedModelServer();
  harness = await startHarness({
    env: {
      SUWEN_MODEL_BASE_URL: model.baseUrl,
      SUWEN_MODEL_NAME: 'scripted-model',
      SUWEN_ASR_BASE_URL: model.baseUrl,
      SUWEN_ASR_MODEL: 'scripted-asr',
    },
  });
}, 90_000);

afterAll(async () => {
  await harness?.stop();
  await model?.close();
}, 30_000);

/** The sticky header is unstuck so it does not cover a tall full-page screenshot. */
async function shoot(page: Page, name: string) {
  await page.addStyleTag({ content: '.app-header { position: static !important; }' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(RESULTS, name), fullPage: true });
}

async function downloadBytes(page: Page, testId: string): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await (await download).path();
  return readFileSync(file);
}

/** The note sentence that begins with `text` (its accessible text goes on to name its sources). */
function sentence(page: Page, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByTestId('note-sentence').filter({ hasText: new RegExp(`^⚠?${escaped}`) });
}

/** Ids of the transcript turns marked highlighted. */
function highlightedTurns(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="transcript-turn"][data-highlighted="true"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-turn-id') ?? ''));
}

/** Hovers a sentence and returns the ids of the transcript turns marked highlighted. */
async function hoverSentence(page: Page, text: string): Promise<string[]> {
  await sentence(page, text).hover();
  return highlightedTurns(page);
}

describe('Note workspace', () => {
  it('transcribes audio, writes a model note with provenance and checks, accepts it and exports PDF and FHIR (English)', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      await page
        .getByRole('link', { name: msg(en, 'nav.notes') })
        .first()
        .click();
      await page.getByTestId('notes-page').waitFor();
      expect(await page.getByTestId('notes-safety').textContent()).toBe(msg(en, 'notes.safety'));

      // Audio: the recording goes to the speech endpoint; the turns it hears fill the box, labelled.
      model?.enqueueTranscription({
        kind: 'transcription',
        text: 'What brings you in? I have a sore throat.',
        segments: [
          { start: 0, end: 0.5, text: 'What brings you in?', speaker: 'SPEAKER_00' },
          { start: 0.5, end: 1, text: 'I have a sore throat.', speaker: 'SPEAKER_01' },
        ],
        language: 'en',
        duration: 1,
      });
      await page.getByTestId('notes-upload-audio').setInputFiles({ name: 'visit.wav', mimeType: 'audio/wav', buffer: toneWav() });
      await page.getByTestId('notes-transcribed').waitFor();
      expect(await page.getByTestId('notes-transcript').inputValue()).toBe('Doctor: What brings you in?\nPatient: I have a sore throat.');
      const upload = model?.requests.find((r) => r.path.endsWith('/audio/transcriptions'));
      expect(upload).toBeDefined();

      // The speaker buttons start labelled lines for live typing.
      await page.getByTestId('notes-transcript').fill('');
      await page.getByTestId('notes-turn-doctor').click();
      expect(await page.getByTestId('notes-transcript').inputValue()).toBe('Doctor: ');

      await page.getByTestId('notes-transcript').fill(CONSULTATION);
      model?.enqueue({ kind: 'slow', delayMs: 0, perChunkMs: 40, reply: { kind: 'text', text: JSON.stringify(MODEL_NOTE), chunks: 24 } });
      const generated = page.waitForResponse((r) => r.url().endsWith('/notes/generate'));
      await page.getByTestId('notes-generate').click();
      expect((await generated).headers()['content-type']).toContain('text/event-stream');
      // Sections arrive one by one while the model writes: the progress line counts them.
      await expect.poll(() => page.getByTestId('notes-progress').textContent()).toMatch(/^Writing section [2-4]\/4/);
      await page.getByTestId('note-review').waitFor();
      expect(page.url()).toMatch(/#\/notes\/[^/?]+$/);
      expect(await page.getByTestId('note-section').count()).toBe(4);
      expect(await page.getByTestId('notes-extractive-banner').count()).toBe(0);

      // Provenance: hovering a sentence highlights exactly the turn it cites; keyboard focus does too.
      expect(await hoverSentence(page, 'Throat is red and lungs sound clear.')).toEqual(['T5']);
      expect(await hoverSentence(page, 'Takes metformin 500 mg')).toEqual(['T4']);
      await sentence(page, 'Viral throat infection.').focus();
      expect(await highlightedTurns(page)).toEqual(['T6']);
      await page.mouse.move(0, 0);

      // The invented sentence is flagged; the faithful ones are not.
      const invented = sentence(page, 'Patient reports a history of stroke.');
      expect(await invented.getAttribute('data-status')).toBe('unsupported');
      expect(await invented.getByTestId('note-unsupported').getAttribute('aria-label')).toBe(msg(en, 'notes.unsupportedHint'));
      expect(await sentence(page, 'Temperature 38.5.').getAttribute('data-status')).toBe('supported');

      // The dropped ibuprofen is a possible omission; clicking it highlights where it was said.
      const ibuprofen = page
        .getByTestId('note-omission')
        .filter({ hasText: /ibuprofen/i })
        .first();
      expect(await ibuprofen.getAttribute('data-kind')).toMatch(/medication|dose/);
      await ibuprofen.click();
      expect(await highlightedTurns(page)).toContain('T6');
      await shoot(page, 'notes-workspace-en.png');

      // The phone layout stacks transcript over note.
      await page.setViewportSize({ width: 390, height: 844 });
      const phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(phoneWidth).toBeLessThanOrEqual(390);
      await shoot(page, 'notes-workspace-phone-en.png');
      await page.setViewportSize({ width: 1280, height: 800 });

      // FHIR waits for acceptance; then accept, and both exports download.
      expect(await page.getByTestId('note-fhir').isDisabled()).toBe(true);
      await page.getByTestId('note-accept').click();
      await expect.poll(() => page.getByTestId('note-status').getAttribute('data-status')).toBe('accepted');
      const pdf = await downloadBytes(page, 'note-pdf');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(2000);
      const fhir = JSON.parse((await downloadBytes(page, 'note-fhir')).toString('utf8')) as {
        resourceType: string;
        entry: { resource: { resourceType: string } }[];
      };
      expect(fhir.resourceType).toBe('Bundle');
      expect(fhir.entry.map((e) => e.resource.resourceType)).toContain('Composition');
      expect(await page.getByTestId('note-artifact-link').getAttribute('href')).toMatch(/^#\/artifacts\//);

      // The print view is the note alone: headings, sentences, status and the safety footer.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('notes-transcript-card').isVisible()).toBe(false);
      expect(await page.getByTestId('note-review').isVisible()).toBe(false);
      expect(await page.getByTestId('note-checks').isVisible()).toBe(false);
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('.print-footer').textContent()).toBe(msg(en, 'notes.printFooter'));
      expect(await page.locator('.print-status').isVisible()).toBe(true);
      await shoot(page, 'notes-print-en.png');
      await page.emulateMedia({ media: 'screen' });

      // Reloading the note's address reopens it as reviewed.
      await page.reload();
      await page.getByTestId('note-review').waitFor();
      expect(await page.getByTestId('note-status').getAttribute('data-status')).toBe('accepted');
      expect(await page.getByTestId('note-section').count()).toBe(4);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('writes an extractive note in Chinese from a chart encounter on a phone, labelled as extractive', async () => {
    const { context, page } = await h().openPage('zh-CN', { width: 390, height: 844 });
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/patients`);
      await page.getByTestId('patient-row').first().locator('a').click();
      const write = page.getByTestId('encounter-write-note').first();
      expect(await write.textContent()).toBe(msg(zh, 'chart.writeNote'));
      await write.click();
      await page.getByTestId('notes-page').waitFor();
      expect(page.url()).toMatch(/#\/notes\?patient=[^&]+&encounter=/);
      await page.getByTestId('notes-transcript').fill(CONSULTATION_ZH);
      await page.getByTestId('notes-mode-extractive').click();
      await page.getByTestId('notes-generate').click();
      await page.getByTestId('note-review').waitFor();
      expect(await page.getByTestId('notes-extractive-banner').textContent()).toBe(msg(zh, 'notes.extractiveBanner'));
      // The 门诊病历 header (filled from the chart: the note was written from an encounter) and 8 sections.
      expect(await page.getByTestId('note-section').count()).toBe(9);
      const header = page.locator('[data-testid="note-section"][data-section-key="header"]').getByTestId('note-sentence');
      expect(await header.first().textContent()).toMatch(/姓名：[^＿\s]+/);
      expect(await header.nth(4).textContent()).toMatch(/就诊日期：\d{4}-\d{2}-\d{2}/);
      // 主诉 is symptom + duration, not the patient's quote (issue 23 item 7).
      const chiefComplaint = page.locator('[data-testid="note-section"][data-section-key="chief_complaint"]').getByTestId('note-sentence');
      expect(await chiefComplaint.first().textContent()).toContain('咳嗽、发热3天。');
      // An extractive sentence is a sentence of the transcript: a tap pins its turn highlighted.
      const allergy = page.getByTestId('note-sentence').filter({ hasText: '青霉素过敏' }).first();
      const cited = (await allergy.getAttribute('data-sources'))?.split(' ') ?? [];
      expect(cited).toContain('T4');
      await allergy.click();
      await expect.poll(() => highlightedTurns(page)).toEqual(cited);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // On a phone the cited turn is also spelled out under the sentence.
      expect(await page.getByTestId('note-active-sources').textContent()).toContain('我对青霉素过敏');
      await shoot(page, 'notes-extractive-phone-zh.png');

      // Edit in place: the clinician rewrites the chief complaint; the edit is saved with its diff.
      await page.getByTestId('note-edit').click();
      const chief = page.locator('[data-testid="note-section"][data-section-key="chief_complaint"]').getByTestId('note-edit-section');
      await chief.fill('咳嗽3天，发热1天。');
      await page.getByTestId('note-save-edit').click();
      await expect.poll(() => page.getByTestId('note-status').getAttribute('data-status')).toBe('edited');
      const edited = page.getByTestId('note-sentence').filter({ hasText: '咳嗽3天，发热1天。' });
      expect(await edited.count()).toBe(1);
      // The rewritten sentence is the clinician's own: marked as such, not flagged ⚠ as unsupported.
      expect(await edited.getAttribute('data-status')).toBe('clinician');
      expect(await edited.getByTestId('note-clinician').textContent()).toBe(msg(zh, 'notes.editedByClinician'));
      expect(await edited.getByTestId('note-unsupported').count()).toBe(0);
      await page.getByTestId('note-artifact-link').click();
      await page.getByTestId('edit-diff').waitFor();
      const diff = await page.getByTestId('edit-diff').textContent();
      expect(diff).toContain('+ 咳嗽3天，发热1天。');
      expect(diff).toContain('- 咳嗽、发热3天。');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('rejects a drafted note from its artifact page with a reason, after an empty edit could not be saved', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/notes`);
      await page.getByTestId('notes-transcript').fill(CONSULTATION);
      await page.getByTestId('notes-mode-extractive').click();
      await page.getByTestId('notes-generate').click();
      await page.getByTestId('note-review').waitFor();
      await page.waitForURL((url) => /^#\/notes\/[^?]+/.test(url.hash));
      const artifactId = /^#\/notes\/([^?]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';

      await page.goto(`${h().baseUrl}/#/inbox/${artifactId}`);
      const review = page.getByTestId('artifact-review');
      await review.waitFor();
      // An edit emptied of its text cannot be saved; cancelling brings the three choices back.
      await review.getByTestId('review-edit').click();
      await page.locator('#edit-text').fill('  ');
      expect(await review.getByTestId('review-save-edit').isDisabled()).toBe(true);
      await review.getByRole('button', { name: msg(en, 'inbox.cancel') }).click();
      await review.getByTestId('review-accept').waitFor();

      await review.getByTestId('review-reject').click();
      await page.getByLabel(msg(en, 'inbox.rejectNote')).fill('Wrong patient.');
      await review.getByTestId('review-confirm-reject').click();
      const outcome = page.getByTestId('artifact-outcome');
      await outcome.waitFor();
      expect(await outcome.getByTestId('review-outcome-line').textContent()).toContain(msg(en, 'artifactStatus.rejected'));
      expect(await outcome.textContent()).toContain('Wrong patient.');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('Recording from the microphone', () => {
  it('records with MediaRecorder (a fake microphone), uploads WebM and fills the transcript', async () => {
    // A browser of its own: Chromium's fake microphone and an auto-accepted permission prompt.
    const browser = await chromium.launch({
      executablePath: process.env.SUWEN_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
    try {
      const context = await browser.newContext({ locale: 'en', permissions: ['microphone'] });
      await context.addInitScript(() => window.localStorage.setItem('suwen.locale', 'en'));
      const page = await context.newPage();
      await h().signIn(page, 'clinician');
      await page.goto(`${h().baseUrl}/#/notes`);
      model?.enqueueTranscription({ kind: 'transcription', text: 'Doctor: How are you feeling today?', language: 'en', duration: 2 });
      const before = model?.requests.filter((r) => r.path.endsWith('/audio/transcriptions')).length ?? 0;
      await page.getByTestId('notes-record').click();
      await page.getByTestId('notes-record-stop').waitFor();
      await page.waitForTimeout(1500);
      await page.getByTestId('notes-record-stop').click();
      await page.getByTestId('notes-transcribed').waitFor();
      expect(await page.getByTestId('notes-transcript').inputValue()).toBe('Doctor: How are you feeling today?');
      const uploads = model?.requests.filter((r) => r.path.endsWith('/audio/transcriptions')) ?? [];
      expect(uploads.length).toBe(before + 1);
      // What reached the recognizer is the browser's WebM (EBML magic 1A 45 DF A3).
      const file = Object.values(uploads.at(-1)?.form?.files ?? {})[0];
      expect(file?.head.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
      expect(file?.bytes).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('Discharge summary', () => {
  it('drafts the summary of an inpatient stay from the record, shows record sources on hover, accepts it and downloads the PDF', async () => {
    const { context, page } = await h().openPage('en');
    try {
      await h().signIn(page, 'clinician');
      // An ended inpatient stay of a demo patient.
      const patients = (await (await page.request.get(`${h().baseUrl}/api/v1/patients?limit=50`)).json()) as { items: { id: string }[] };
      let stay: { patient: string; encounter: string } | undefined;
      for (const p of patients.items) {
        const list = (await (await page.request.get(`${h().baseUrl}/api/v1/patients/${p.id}/encounters?limit=200`)).json()) as {
          items: { id: string; classCode: string | null; end: string | null }[];
        };
        const found = list.items.find((e) => e.classCode === 'IMP' && e.end);
        if (found) {
          stay = { patient: p.id, encounter: found.id };
          break;
        }
      }
      if (!stay) throw new Error('No ended inpatient stay in the demo data');
      await page.goto(`${h().baseUrl}/#/discharge?patient=${stay.patient}&encounter=${stay.encounter}`);
      await page.getByTestId('discharge-page').waitFor();
      await page.getByRole('button', { name: msg(en, 'discharge.computedOnly') }).click();
      await page.getByTestId('discharge-generate').click();
      await page.getByTestId('note-review').waitFor();
      // Without a model narrative the hospital course is a marked placeholder.
      const course = page.locator('[data-testid="note-section"][data-section-key="hospital_course"]');
      expect(await course.getByTestId('note-placeholder').count()).toBe(1);
      await page.getByTestId('discharge-placeholder-banner').waitFor();
      // A computed sentence names its record facts on hover.
      const computed = page.locator('[data-testid="note-sentence"][data-status="computed"][data-sources^="R"]').first();
      const sources = (await computed.getAttribute('data-sources'))?.split(' ') ?? [];
      await computed.hover();
      const shown = await page.getByTestId('discharge-active-sources').textContent();
      for (const id of sources) expect(shown).toContain(id);
      await page.getByTestId('discharge-reconciliation').waitFor();
      await shoot(page, 'discharge-summary-en.png');

      // The drafted summary lives under its own address.
      expect(page.url()).toMatch(/#\/discharge\/[^/?]+$/);
      const artifactId = decodeURIComponent(page.url().split('#/discharge/')[1] ?? '');

      await page.getByTestId('note-accept').click();
      await expect.poll(() => page.getByTestId('note-status').getAttribute('data-status')).toBe('accepted');
      const pdf = await downloadBytes(page, 'note-pdf');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(2000);

      // Reloaded, it reopens accepted, with its record sources and reconciliation.
      await page.reload();
      await page.getByTestId('note-review').waitFor();
      expect(await page.getByTestId('note-status').getAttribute('data-status')).toBe('accepted');
      await page.getByTestId('discharge-reconciliation').waitFor();
      expect(await page.locator('[data-testid="note-sentence"][data-status="computed"]').count()).toBeGreaterThan(0);
      // The review inbox's record of it links back to this workspace.
      await page.goto(`${h().baseUrl}/#/inbox/${encodeURIComponent(artifactId)}`);
      const open = page.getByTestId('artifact-open-workspace');
      expect(await open.textContent()).toBe(msg(en, 'inbox.openWorkspace'));
      await open.click();
      await page.getByTestId('discharge-page').waitFor();
      await expect.poll(() => page.getByTestId('note-status').getAttribute('data-status')).toBe('accepted');
      expect(page.url()).toContain(`#/discharge/${encodeURIComponent(artifactId)}`);
    } finally {
      await context.close();
    }
  }, 60_000);
});

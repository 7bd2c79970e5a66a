import type { ErrorCode } from './errors.js';
import { interpolate, type Locale, type Localized } from './locale.js';

/** User-facing text for every error code, in both languages. Never contains patient text. */
const MESSAGES: Record<ErrorCode, Localized> = {
  VALIDATION_FAILED: { en: 'The request is not valid: {summary}', 'zh-CN': '请求内容无效：{summary}' },
  BAD_REQUEST: { en: 'The request could not be understood.', 'zh-CN': '无法理解该请求。' },
  IMPORT_MALFORMED: {
    en: 'The import file is malformed: {file}, line {line}: {problem}',
    'zh-CN': '导入文件格式错误：{file} 第 {line} 行：{problem}',
  },
  UNAUTHENTICATED: { en: 'Please sign in first.', 'zh-CN': '请先登录。' },
  INVALID_CREDENTIALS: { en: 'Wrong username or password.', 'zh-CN': '用户名或密码错误。' },
  FORBIDDEN: {
    en: 'Your role is not allowed to do this.',
    'zh-CN': '您的角色无权执行此操作。',
  },
  NOT_FOUND: { en: 'The {resource} was not found.', 'zh-CN': '未找到该{resource}。' },
  CONFLICT: { en: 'This conflicts with existing data: {reason}', 'zh-CN': '与现有数据冲突：{reason}' },
  INTAKE_CLOSED: {
    en: 'This questionnaire link can no longer be used ({status}). Please ask your clinic for a new link.',
    'zh-CN': '该问诊链接已无法使用（{status}）。如需继续，请向医院索取新链接。',
  },
  INVALID_TRANSITION: {
    en: 'This draft has already been reviewed ({status}).',
    'zh-CN': '该草稿已被审核（{status}）。',
  },
  ENCOUNTER_NOT_INPATIENT: {
    en: 'A discharge summary needs an inpatient stay; this encounter is of class {class}.',
    'zh-CN': '出院小结仅适用于住院就诊；该就诊类别为 {class}。',
  },
  ENCOUNTER_NOT_ENDED: {
    en: 'This stay has not ended yet ({status}); write the discharge summary once the patient is discharged.',
    'zh-CN': '该次住院尚未结束（{status}）；请在患者出院后再生成出院小结。',
  },
  EXPORT_NOT_REVIEWED: {
    en: 'Only a draft a clinician has accepted or edited can be exported as FHIR (this one is {status}).',
    'zh-CN': '只有经临床医生接受或修改的草稿才能导出为 FHIR（当前状态：{status}）。',
  },
  NOT_A_CLINICAL_DOCUMENT: {
    en: 'This AI draft is not a clinical document (note or discharge summary), so it cannot be exported this way.',
    'zh-CN': '该 AI 草稿不是临床文书（病历或出院小结），无法以此方式导出。',
  },
  PDF_FONT_MISSING: {
    en: 'PDF export needs the Noto Sans CJK font ({path}). Ask an administrator to install fonts-noto-cjk (Debian/Ubuntu).',
    'zh-CN': '导出 PDF 需要 Noto Sans CJK 字体（{path}）。请联系管理员安装 fonts-noto-cjk（Debian/Ubuntu）。',
  },
  PAYLOAD_TOO_LARGE: { en: 'The request body is too large.', 'zh-CN': '请求内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: {
    en: 'Send the request body as JSON (Content-Type: application/json).',
    'zh-CN': '请以 JSON 格式发送请求体（Content-Type: application/json）。',
  },
  RATE_LIMITED: {
    en: 'Too many attempts. Try again in {seconds} seconds.',
    'zh-CN': '尝试次数过多，请在 {seconds} 秒后重试。',
  },
  INTERNAL: {
    en: 'Something went wrong on the server. The request id is in the X-Request-Id header.',
    'zh-CN': '服务器内部错误。请求编号见 X-Request-Id 响应头。',
  },
  MODEL_NOT_CONFIGURED: {
    en: 'No language model is connected. Set SUWEN_MODEL_BASE_URL and SUWEN_MODEL_NAME (or SUWEN_MODEL_GGUF) and restart Suwen.',
    'zh-CN': '尚未连接语言模型。请设置 SUWEN_MODEL_BASE_URL 与 SUWEN_MODEL_NAME（或 SUWEN_MODEL_GGUF）后重启素问。',
  },
  MODEL_UNAVAILABLE: {
    en: 'The language model did not answer ({reason}). Try again shortly; if it persists, ask an administrator to run `suwen models`.',
    'zh-CN': '语言模型未能应答（{reason}）。请稍后重试；如持续出现，请管理员运行 `suwen models` 检查。',
  },
  MODEL_TIMEOUT: {
    en: 'The language model took too long to answer and the request was stopped.',
    'zh-CN': '语言模型响应超时，请求已停止。',
  },
  OUTPUT_VALIDATION_FAILED: {
    en: 'The model’s answer did not have the required structure, even after one correction; nothing was saved.',
    'zh-CN': '模型的回答不符合要求的结构（已尝试纠正一次），未保存任何内容。',
  },
  PHI_POLICY_VIOLATION: {
    en: 'Patient data may not be sent to an external model without de-identification. Use a local model, or ask an administrator.',
    'zh-CN': '未经去标识化，患者数据不得发送至外部模型。请使用本地模型，或联系管理员。',
  },
  CONSENT_REQUIRED: {
    en: 'This patient has not consented to AI assistance on their record. A clinician or the patient can change this on the chart.',
    'zh-CN': '该患者未同意在其病历上使用 AI 辅助。临床医生或患者本人可在病历页面更改此设置。',
  },
  CANCELLED: { en: 'The request was cancelled.', 'zh-CN': '请求已取消。' },
  SERVICE_UNAVAILABLE: {
    en: 'The service is temporarily unavailable.',
    'zh-CN': '服务暂时不可用。',
  },
  AUDIO_EMPTY: {
    en: 'The audio file is empty or holds no sound. Record again or choose another file.',
    'zh-CN': '音频文件为空或没有声音。请重新录音或选择其他文件。',
  },
  AUDIO_UNSUPPORTED: {
    en: 'This is not an audio format Suwen accepts. Use WAV, MP3, WebM, OGG or M4A.',
    'zh-CN': '不支持该音频格式。请使用 WAV、MP3、WebM、OGG 或 M4A。',
  },
  AUDIO_MALFORMED: {
    en: 'The audio file could not be read ({reason}). Export it again as 16-bit PCM WAV.',
    'zh-CN': '无法读取该音频文件（{reason}）。请重新导出为 16 位 PCM WAV。',
  },
  AUDIO_TOO_LARGE: {
    en: 'The audio file is larger than {limitMb} MB. Convert it to WAV (Suwen splits long WAV recordings) or shorten it.',
    'zh-CN': '音频文件超过 {limitMb} MB。请转换为 WAV（素问会自动切分较长的 WAV 录音）或缩短录音。',
  },
  ASR_NOT_CONFIGURED: {
    en: 'No speech recognition is connected. Set SUWEN_ASR_BASE_URL and SUWEN_ASR_MODEL (or SUWEN_ASR_WHISPER_DIR) and restart Suwen, or paste the transcript instead.',
    'zh-CN': '尚未连接语音识别。请设置 SUWEN_ASR_BASE_URL 与 SUWEN_ASR_MODEL（或 SUWEN_ASR_WHISPER_DIR）后重启素问，或直接粘贴文字记录。',
  },
  ASR_UNAVAILABLE: {
    en: 'The speech recognizer did not answer ({reason}). Try again shortly; if it persists, ask an administrator to run `suwen doctor`.',
    'zh-CN': '语音识别服务未能应答（{reason}）。请稍后重试；如持续出现，请管理员运行 `suwen doctor` 检查。',
  },
  ASR_EXTERNAL_REFUSED: {
    en: 'Patient audio cannot be de-identified, so it is not sent to an external speech recognizer. Use a local one, or an administrator may allow it with SUWEN_ASR_ALLOW_EXTERNAL=1.',
    'zh-CN': '患者录音无法去标识化，因此不会发送至外部语音识别服务。请使用本地服务，或由管理员设置 SUWEN_ASR_ALLOW_EXTERNAL=1 明确允许。',
  },
};

/** Names of things that appear inside messages ("The patient was not found"). */
const RESOURCE_NAMES: Record<string, Localized> = {
  patient: { en: 'patient', 'zh-CN': '患者' },
  artifact: { en: 'AI draft', 'zh-CN': 'AI 草稿' },
  user: { en: 'user', 'zh-CN': '用户' },
  route: { en: 'page or endpoint', 'zh-CN': '页面或接口' },
  encounter: { en: 'encounter', 'zh-CN': '就诊' },
  drug: { en: 'drug', 'zh-CN': '药物' },
  lab: { en: 'lab test', 'zh-CN': '检验项目' },
  condition: { en: 'condition', 'zh-CN': '疾病' },
  score: { en: 'clinical score', 'zh-CN': '临床评分' },
  topic: { en: 'education topic', 'zh-CN': '健康教育主题' },
  intake: { en: 'intake link', 'zh-CN': '问诊链接' },
  scenario: { en: 'imaging scenario', 'zh-CN': '影像检查场景' },
  diagnosis: { en: 'diagnosis among those with curated treatment options', 'zh-CN': '已收录治疗选项的诊断' },
};

export function localizeError(code: ErrorCode, params: Record<string, string | number>, locale: Locale): string {
  const resource = typeof params.resource === 'string' ? RESOURCE_NAMES[params.resource]?.[locale] : undefined;
  const merged = resource ? { ...params, resource } : params;
  return interpolate(MESSAGES[code][locale], merged);
}

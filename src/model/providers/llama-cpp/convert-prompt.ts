import type { LanguageModelV3Prompt, SharedV3Warning } from '@ai-sdk/provider';
import type { ChatHistoryItem } from 'node-llama-cpp';

/**
 * Maps an AI SDK prompt to node-llama-cpp chat history, ending with an empty model turn for the
 * model to fill. The model's own chat template (via node-llama-cpp's chat wrapper) renders it.
 * Only text is supported: file, reasoning and tool parts, and tool messages, are skipped with a
 * warning rather than failing the call.
 */
export function convertToLlamaChatHistory(prompt: LanguageModelV3Prompt): { history: ChatHistoryItem[]; warnings: SharedV3Warning[] } {
  const history: ChatHistoryItem[] = [];
  const skipped = new Set<string>();
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user': {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else skipped.add(`user ${part.type} parts`);
        }
        history.push({ type: 'user', text: texts.join('\n') });
        break;
      }
      case 'assistant': {
        const texts: string[] = [];
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text);
          else skipped.add(`assistant ${part.type} parts`);
        }
        history.push({ type: 'model', response: [texts.join('\n')] });
        break;
      }
      case 'tool':
        skipped.add('tool messages');
        break;
    }
  }
  history.push({ type: 'model', response: [] });
  const warnings: SharedV3Warning[] = [...skipped].map((feature) => ({
    type: 'unsupported',
    feature,
    details: 'The llama-cpp provider handles text only; these were left out of the prompt.',
  }));
  return { history, warnings };
}

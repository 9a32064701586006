// Fills `{placeholder}` slots in rule messages and verify templates.
import type { MessageData } from './types/rule.js';

/** Replaces `{name}` with data[name]; unknown placeholders are left as written. */
export function fillTemplate(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

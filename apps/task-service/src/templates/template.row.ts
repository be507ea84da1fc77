import type { TemplateView } from '@ains/contracts';

export interface TemplateRow {
  id: string;
  client_id: string;
  name: string;
  description: string;
  task_type: string;
  defaults: Record<string, unknown>;
  times_used: number;
  created_at: Date;
  updated_at: Date;
}

export function toTemplateView(template: TemplateRow): TemplateView {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    task_type: template.task_type,
    defaults: template.defaults,
    times_used: template.times_used,
    created_at: template.created_at.toISOString(),
    updated_at: template.updated_at.toISOString(),
  };
}

/** Step five: optional contact details, which only staff see. */
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessagesByField } from '../../model/messages-by-field.js';
import type { ReportDraft } from '../../model/report-draft.js';
import { TextField } from './TextField.js';

interface Props {
  draft: ReportDraft;
  onChange(patch: Partial<ReportDraft>): void;
  messages: MessagesByField;
}

export function ContactFields({ draft, onChange, messages }: Props) {
  const { t } = useI18n();
  return (
    <>
      <p className="hint">{t('report.contact.hint')}</p>
      <div className="two-columns">
        <TextField
          field="first_name"
          label={t('report.first_name.label')}
          value={draft.firstName}
          autoComplete="given-name"
          onChange={(firstName) => onChange({ firstName })}
          messages={messages.get('first_name')}
        />
        <TextField
          field="last_name"
          label={t('report.last_name.label')}
          value={draft.lastName}
          autoComplete="family-name"
          onChange={(lastName) => onChange({ lastName })}
          messages={messages.get('last_name')}
        />
      </div>
      <div className="two-columns">
        <TextField
          field="email"
          label={t('report.email.label')}
          type="email"
          value={draft.email}
          autoComplete="email"
          onChange={(email) => onChange({ email })}
          messages={messages.get('email')}
        />
        <TextField
          field="phone"
          label={t('report.phone.label')}
          type="tel"
          value={draft.phone}
          autoComplete="tel"
          onChange={(phone) => onChange({ phone })}
          messages={messages.get('phone')}
        />
      </div>
    </>
  );
}

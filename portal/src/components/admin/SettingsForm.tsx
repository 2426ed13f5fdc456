/** Name, time zone, business calendar and boundary of the jurisdiction. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useAdminAction } from '../../hooks/use-admin-action.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { TextField } from '../report/TextField.js';
import { ActionErrors } from './ActionErrors.js';
import { fromSettingsDraft, parseGeoJson, weekdays, type SettingsDraft } from './settings-draft.js';

export function SettingsForm({ initial, onSaved }: { initial: SettingsDraft; onSaved(): void }) {
  const { t } = useI18n();
  const action = useAdminAction();
  const [draft, setDraft] = useState(initial);
  const [jsonError, setJsonError] = useState(false);
  const set = (patch: Partial<SettingsDraft>) => setDraft({ ...draft, ...patch });
  const boundaryMessages = [
    ...(jsonError ? [t('admin.settings.notJson')] : []),
    ...action.fieldErrors.filter((e) => e.field.startsWith('boundary')).map((e) => e.message),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const boundary = parseGeoJson(draft.boundary);
    setJsonError(!boundary.ok);
    if (!boundary.ok) return;
    if (
      await action.run(() => api.admin.jurisdiction.update.mutate(fromSettingsDraft(draft, boundary.value)))
    )
      onSaved();
  };
  const calendarMessages = (prefix: string) =>
    action.fieldErrors.filter((e) => e.field.startsWith(prefix)).map((e) => e.message);

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="settings-heading">
      <h3 id="settings-heading">{t('admin.settings.place')}</h3>
      <div className="admin-row">
        <TextField
          field="settings.name"
          label={t('admin.settings.name')}
          value={draft.name}
          onChange={(name) => set({ name })}
          messages={action.messagesFor('name')}
          required
        />
        <TextField
          field="settings.timezone"
          label={t('admin.settings.timezone')}
          hint={t('admin.settings.timezoneHint')}
          value={draft.timezone}
          onChange={(timezone) => set({ timezone })}
          messages={action.messagesFor('timezone')}
          required
        />
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.useCalendar}
          onChange={(e) => set({ useCalendar: e.target.checked })}
        />{' '}
        {t('admin.settings.useCalendar')}
      </label>
      {draft.useCalendar && (
        <>
          <fieldset className="field">
            <legend>{t('admin.settings.workingDays')}</legend>
            <div className="checks">
              {weekdays.map((day) => (
                <label key={day} className="choice">
                  <input
                    type="checkbox"
                    checked={draft.workingDays.includes(day)}
                    onChange={(e) =>
                      set({
                        workingDays: e.target.checked
                          ? weekdays.filter((d) => d === day || draft.workingDays.includes(d))
                          : draft.workingDays.filter((d) => d !== day),
                      })
                    }
                  />{' '}
                  {t(`admin.day.${day}` as MessageKey)}
                </label>
              ))}
            </div>
            {calendarMessages('calendar.working_days').map((m) => (
              <p key={m} className="field-error">
                {m}
              </p>
            ))}
          </fieldset>
          <div className="admin-row">
            <TextField
              field="settings.start"
              label={t('admin.settings.opens')}
              hint="08:00"
              value={draft.start}
              onChange={(start) => set({ start })}
              messages={calendarMessages('calendar.hours.start')}
            />
            <TextField
              field="settings.end"
              label={t('admin.settings.closes')}
              hint="17:00"
              value={draft.end}
              onChange={(end) => set({ end })}
              messages={[...calendarMessages('calendar.hours.end'), ...action.messagesFor('calendar.hours')]}
            />
          </div>
          <TextField
            field="settings.holidays"
            label={t('admin.settings.holidays')}
            hint={t('admin.settings.holidaysHint')}
            value={draft.holidays}
            onChange={(holidays) => set({ holidays })}
            messages={[...calendarMessages('calendar.holidays'), ...action.messagesFor('calendar.timezone')]}
          />
        </>
      )}
      <TextField
        field="settings.boundary"
        label={t('admin.settings.boundary')}
        hint={t('admin.settings.boundaryHint')}
        multiline
        value={draft.boundary}
        onChange={(boundary) => set({ boundary })}
        messages={boundaryMessages}
      />
      <ActionErrors
        action={action}
        placed={action.fieldErrors.map((e) => e.field).filter((f) => f !== 'input')}
      />
      <button type="submit" disabled={action.busy}>
        {t('admin.settings.save')}
      </button>
    </form>
  );
}

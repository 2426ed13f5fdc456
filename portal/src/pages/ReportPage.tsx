/** The resident's report form: service, its questions, the place, a photo, contact, then send. */
import { useCallback, useMemo, useRef, type FormEvent } from 'react';
import { AttributeField } from '../components/report/AttributeField.js';
import { ContactFields } from '../components/report/ContactFields.js';
import { DuplicateWarning } from '../components/report/DuplicateWarning.js';
import { ErrorSummary } from '../components/report/ErrorSummary.js';
import { LocationFields } from '../components/report/LocationFields.js';
import { PhotoUpload } from '../components/report/PhotoUpload.js';
import { ServicePicker } from '../components/report/ServicePicker.js';
import { TextField } from '../components/report/TextField.js';
import { fallbackConfig } from '../api/portal-config.js';
import { useFocusFirstError } from '../hooks/use-focus-first-error.js';
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { useLikelyDuplicates } from '../hooks/use-likely-duplicates.js';
import { usePortalConfig } from '../hooks/use-portal-config.js';
import { useReportDraft } from '../hooks/use-report-draft.js';
import { useServiceDefinition } from '../hooks/use-service-definition.js';
import { useServices } from '../hooks/use-services.js';
import { useSubmitReport, type Submitted } from '../hooks/use-submit-report.js';
import { useI18n } from '../i18n/use-i18n.js';
import { messagesByField } from '../model/messages-by-field.js';
import { draftPoint, toSubmission } from '../model/report-draft.js';
import { navigate } from '../router/navigate.js';

const NO_ERRORS: never[] = [];

export function ReportPage() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useRef<HTMLFormElement>(null);
  const services = useServices();
  const config = usePortalConfig();
  const { draft, update, answer, chooseService } = useReportDraft();
  const definition = useServiceDefinition(draft.serviceCode);
  const point = useMemo(() => draftPoint(draft), [draft]);
  const duplicates = useLikelyDuplicates(draft.serviceCode, point);
  const onSubmitted = useCallback(
    (r: Submitted) => navigate(`/track/${r.service_request_id}?token=${encodeURIComponent(r.token)}&new=1`),
    [],
  );
  const { state, submit } = useSubmitReport(onSubmitted);
  const errors = state.kind === 'editing' ? state.errors : NO_ERRORS;
  const messages = useMemo(() => messagesByField(errors), [errors]);
  useFocusFirstError(form, state.kind === 'editing' ? state.round : 0);
  const setMediaUrl = useCallback((mediaUrl: string) => update({ mediaUrl }), [update]);
  const setPoint = useCallback(
    (p: { lat: number; long: number }) => update({ lat: String(p.lat), long: String(p.long) }),
    [update],
  );
  const chosen = services.data?.find((s) => s.service_code === draft.serviceCode);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const datetimes = new Set(
      definition.attributes.filter((a) => a.datatype === 'datetime').map((a) => a.code),
    );
    void submit(toSubmission(draft, datetimes));
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1} id="report-heading">
        {t('report.heading')}
      </h1>
      <p className="lead">{t('app.tagline')}</p>
      <form ref={form} onSubmit={send} noValidate aria-labelledby="report-heading">
        <ErrorSummary
          count={errors.length}
          general={state.kind === 'editing' ? state.general : null}
          round={state.kind === 'editing' ? state.round : 0}
          unplaced={errors.filter((e) => !isShownBesideAField(e.field))}
        />
        <section className="step" aria-labelledby="step-service">
          <h2 id="step-service">{t('report.step.service')}</h2>
          {services.error !== undefined && <p role="alert">{t('report.service.error')}</p>}
          {services.loading && <p>{t('common.loading')}</p>}
          {services.data && (
            <ServicePicker
              services={services.data}
              chosen={draft.serviceCode}
              onChoose={chooseService}
              messages={messages.get('service_code')}
            />
          )}
        </section>
        {chosen && (
          <>
            <section className="step" aria-labelledby="step-details">
              <h2 id="step-details">{t('report.step.details')}</h2>
              <p className="chosen-service" role="status">
                {t('report.service.chosen', { name: chosen.service_name })}
              </p>
              {definition.attributes.map((a) => (
                <AttributeField
                  key={`${draft.serviceCode}:${a.code}`}
                  attribute={a}
                  value={draft.answers[a.code]}
                  onChange={(v) => answer(a.code, v)}
                  messages={messages.get(`attribute[${a.code}]`)}
                />
              ))}
              <TextField
                field="description"
                label={t('report.description.label')}
                hint={t('report.description.hint')}
                value={draft.description}
                multiline
                onChange={(description) => update({ description })}
                messages={messages.get('description')}
              />
            </section>
            <section className="step" aria-labelledby="step-place">
              <h2 id="step-place">{t('report.step.place')}</h2>
              <LocationFields
                config={config.data ?? fallbackConfig}
                lat={draft.lat}
                long={draft.long}
                address={draft.address}
                point={point}
                onChange={update}
                messages={messages}
              />
            </section>
            <DuplicateWarning candidates={duplicates} />
            <section className="step" aria-labelledby="step-photo">
              <h2 id="step-photo">{t('report.step.photo')}</h2>
              <PhotoUpload onUrl={setMediaUrl} onLocation={setPoint} messages={messages.get('media_url')} />
            </section>
            <section className="step" aria-labelledby="step-contact">
              <h2 id="step-contact">{t('report.step.contact')}</h2>
              <ContactFields draft={draft} onChange={update} messages={messages} />
            </section>
            <div className="actions submit">
              <button type="submit" disabled={state.kind === 'sending'}>
                {state.kind === 'sending' ? t('report.submitting') : t('report.submit')}
              </button>
            </div>
          </>
        )}
      </form>
    </>
  );
}

const placed = new Set([
  'service_code',
  'description',
  'lat',
  'long',
  'location',
  'address_string',
  'address_id',
  'media_url',
  'email',
  'phone',
  'first_name',
  'last_name',
]);

/** Fields the form draws; anything else the server names is listed in the summary instead. */
function isShownBesideAField(field: string): boolean {
  return placed.has(field) || field.startsWith('attribute[');
}

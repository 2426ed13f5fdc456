/** Announces a refused submit: how many fields need fixing, and any message that has no field here. */
import type { FieldError } from '@civicdesk/schemas';
import { useI18n } from '../../i18n/use-i18n.js';

interface Props {
  count: number;
  general: string | null;
  unplaced: readonly FieldError[];
  /** Changes on every refusal so the same count is announced again. */
  round: number;
}

export function ErrorSummary({ count, general, unplaced, round }: Props) {
  const { t } = useI18n();
  const text =
    general !== null
      ? t('report.errors.general', { message: general || t('common.offline') })
      : count > 0
        ? t(count === 1 ? 'report.errors.summary' : 'report.errors.summary.other', { count })
        : '';
  return (
    <div className={text ? 'error-summary' : 'error-summary empty'} aria-live="assertive" aria-atomic="true">
      {text && (
        <div key={round}>
          <p>{text}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((e) => (
                <li key={`${e.field}:${e.message}`}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

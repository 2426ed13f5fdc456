/** Announces a refused change: the server's message, and field errors no input on the form shows. */
import { useI18n } from '../../i18n/use-i18n.js';
import type { AdminAction } from '../../hooks/use-admin-action.js';

export function ActionErrors({ action, placed = [] }: { action: AdminAction; placed?: readonly string[] }) {
  const { t } = useI18n();
  const unplaced = action.fieldErrors.filter((e) => !placed.includes(e.field));
  const show = action.message !== null || unplaced.length > 0;
  return (
    <div className="admin-errors" role="alert">
      {show && (
        <div className="notice warn">
          {action.message !== null && <p>{action.message || t('common.offline')}</p>}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  <code>{e.field}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

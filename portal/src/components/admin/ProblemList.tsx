/** A pack's problems, each with its path in the pack, so the file can be fixed in one go. */
import { useI18n } from '../../i18n/use-i18n.js';

export function ProblemList({ problems }: { problems: readonly { path: string; message: string }[] }) {
  const { t } = useI18n();
  return (
    <div className="notice warn" role="alert">
      <p>{t('admin.packs.problems', { count: problems.length })}</p>
      <ul className="problems">
        {problems.map((p) => (
          <li key={`${p.path}:${p.message}`}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** File and edit commands: open, new, import, export, save, publish, undo, redo, auto-layout. */
import type { ChangeEvent } from 'react';
import type { WorkflowSummary } from '../hooks/use-workflow-list.js';
import type { SaveStatus } from '../model/save-status.js';

type Props = {
  title: string;
  workflows: WorkflowSummary[];
  canUndo: boolean;
  canRedo: boolean;
  isAdmin: boolean;
  showYaml: boolean;
  saveStatus: SaveStatus;
  /** Offered after a conflict: open the draft as the other person saved it. */
  onReload?: (() => void) | undefined;
  onOpen(slug: string): void;
  onNew(): void;
  onImport(text: string): void;
  onExport(): void;
  onSave(): void;
  onPublish(): void;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onToggleYaml(): void;
  onSignOut(): void;
};

export function Toolbar(props: Props) {
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) props.onImport(await file.text());
    event.target.value = '';
  };
  return (
    <header className="toolbar">
      <h1>{props.title}</h1>
      <select
        aria-label="Open workflow"
        value=""
        onChange={(e) => e.target.value && props.onOpen(e.target.value)}
      >
        <option value="">Open…</option>
        {props.workflows.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.title} {w.latestVersion ? `(v${w.latestVersion})` : '(draft)'}
          </option>
        ))}
      </select>
      <button type="button" onClick={props.onNew}>
        New
      </button>
      <label className="button">
        Import YAML
        <input type="file" accept=".yaml,.yml,text/yaml" hidden onChange={(e) => void importFile(e)} />
      </label>
      <button type="button" onClick={props.onExport}>
        Export YAML
      </button>
      <span className="divider" />
      <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)">
        ↶ Undo
      </button>
      <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl+Shift+Z)">
        ↷ Redo
      </button>
      <button type="button" onClick={props.onLayout} title="Arrange steps automatically">
        ⇶ Auto-layout
      </button>
      <button type="button" aria-pressed={props.showYaml} onClick={props.onToggleYaml}>
        {props.showYaml ? 'Hide YAML' : 'Show YAML'}
      </button>
      <span className="spacer" />
      <span
        className={`save-status ${props.saveStatus.tone}`}
        title={props.saveStatus.text}
        role="status"
        aria-label="Save status"
      >
        {props.saveStatus.text}
      </span>
      {props.onReload && (
        <button type="button" onClick={props.onReload}>
          Load their version
        </button>
      )}
      <button type="button" className="primary" onClick={props.onSave} title="Save draft (Ctrl+S)">
        Save draft
      </button>
      {props.isAdmin && (
        <button type="button" className="publish" onClick={props.onPublish}>
          Publish
        </button>
      )}
      <button type="button" onClick={props.onSignOut}>
        Sign out
      </button>
    </header>
  );
}

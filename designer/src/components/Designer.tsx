/** The designer screen: wires the draft, the API and the panels together; the pieces do the work. */
import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { storeToken } from '../api/session.js';
import { useAutosave } from '../hooks/use-autosave.js';
import { useDraftHistory } from '../hooks/use-draft-history.js';
import { useIsAdmin } from '../hooks/use-is-admin.js';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts.js';
import { useReadOnlyView } from '../hooks/use-read-only-view.js';
import { useReferenceData } from '../hooks/use-reference-data.js';
import { useSavedWorkflow } from '../hooks/use-saved-workflow.js';
import { useValidation } from '../hooks/use-validation.js';
import { useWorkflowList } from '../hooks/use-workflow-list.js';
import { copyNodes, pasteNodes, type Clipboard } from '../model/clipboard.js';
import { emptyDraft, readDraft } from '../model/draft.js';
import { addNode, moveNodes, type Position } from '../model/edit.js';
import { factCatalogue } from '../model/fact-catalogue.js';
import { freeSpot } from '../model/free-spot.js';
import type { NodeKind } from '../model/node-kinds.js';
import { newNodeOf, usualDepartment } from '../model/node-templates.js';
import { variablesUsed } from '../model/rule-variables.js';
import { saveStatus } from '../model/save-status.js';
import { nodeCountLabels } from '../model/what-if-table.js';
import { Canvas } from './Canvas.js';
import { downloadText } from './download.js';
import { HistoryPanel } from './HistoryPanel.js';
import { LivePanel } from './LivePanel.js';
import { Palette } from './Palette.js';
import { ProblemsList } from './ProblemsList.js';
import { PropertiesPanel } from './properties/PropertiesPanel.js';
import { SimulatePanel } from './SimulatePanel.js';
import { Toolbar } from './Toolbar.js';
import { ViewBanner } from './ViewBanner.js';
import { WhatIfPanel, type WhatIfAnswer } from './WhatIfPanel.js';
import { YamlPane } from './YamlPane.js';

export function Designer({ onSignOut }: { onSignOut(): void }) {
  const editor = useDraftHistory(emptyDraft());
  const { definition } = editor.draft;
  const reference = useReferenceData();
  const saved = useSavedWorkflow();
  const list = useWorkflowList();
  const isAdmin = useIsAdmin();
  const flow = useReactFlow();
  const [selection, setSelection] = useState<string[]>([]);
  const [simPath, setSimPath] = useState<string[]>([]);
  const [whatIf, setWhatIf] = useState<WhatIfAnswer | null>(null);
  const [showYaml, setShowYaml] = useState(true);
  const [tab, setTab] = useState<Tab>('properties');
  const clipboard = useRef<Clipboard | null>(null);
  const select = useCallback((ids: string[]) => setSelection((old) => (sameIds(old, ids) ? old : ids)), []);

  const { problems, byNode } = useValidation(definition, reference.departments);
  useAutosave(editor.draft, saved, true);
  const status = saveStatus({
    draftYaml: editor.draft.yaml,
    savedYaml: saved.savedYaml,
    savedAt: saved.savedAt,
    saving: saved.saving,
    failure: saved.failure,
    yamlError: editor.yamlErrors[0]
      ? `${editor.yamlErrors[0].line ? `line ${editor.yamlErrors[0].line}: ` : ''}${editor.yamlErrors[0].message}`
      : null,
  });
  const counts = useMemo(
    () =>
      whatIf ? nodeCountLabels(whatIf.draft, whatIf.published, Object.keys(definition.nodes)) : undefined,
    [whatIf, definition.nodes],
  );
  const catalogue = useMemo(
    () => factCatalogue(reference.services, definition.services, variablesUsed(definition)),
    [reference.services, definition],
  );
  const views = useReadOnlyView({
    slug: definition.workflow,
    draft: editor.draft,
    save: saved.save,
    replaceYaml: editor.editYaml,
  });
  const { view } = views;
  const overlay = useMemo(
    () =>
      view
        ? {
            path: view.path ?? [],
            ...(view.marks ? { marks: view.marks } : {}),
            ...(view.edgeMarks ? { edgeMarks: view.edgeMarks } : {}),
          }
        : {
            problemsByNode: byNode,
            path: simPath,
            selected: new Set(selection),
            ...(counts ? { counts } : {}),
          },
    [view, byNode, simPath, selection, counts],
  );
  const fitSoon = useCallback(
    () => setTimeout(() => void flow.fitView({ maxZoom: 1, duration: 200 }), 150),
    [flow],
  );

  const addAt = useCallback(
    (kind: NodeKind, position: Position) => {
      let added = '';
      editor.edit((d) => {
        const department = usualDepartment(d) ?? reference.departments[0]?.code ?? '';
        const result = addNode(d, newNodeOf(kind, department), position, kind.action ?? kind.type);
        added = result.id;
        return result.definition;
      });
      setSelection([added]);
      setTab('properties');
    },
    [editor, reference.departments],
  );
  const addInView = useCallback(
    (kind: NodeKind) => {
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      const centre = box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 400, y: 300 };
      const at = flow.screenToFlowPosition(centre);
      addAt(kind, freeSpot(Object.values(definition.layout ?? {}), { x: at.x - 115, y: at.y - 50 }));
    },
    [flow, addAt, definition.layout],
  );
  const jumpTo = useCallback(
    (id: string) => {
      setSelection([id]);
      setTab('properties');
      void flow.fitView({ nodes: [{ id }], maxZoom: 1.2, duration: 300 });
    },
    [flow],
  );
  const layout = useCallback(async () => {
    // ELK is large; load it the first time someone asks for a layout.
    const { autoLayout } = await import('../model/auto-layout.js');
    const positions = await autoLayout(definition);
    editor.edit((d) => moveNodes(d, positions));
    setTimeout(() => void flow.fitView({ duration: 300, maxZoom: 1 }), 150);
  }, [definition, editor, flow]);
  const open = async (slug: string) => {
    const draft = await saved.open(slug);
    if (!draft) return;
    editor.load(draft);
    setSelection([]);
    setSimPath([]);
    setWhatIf(null);
    setTimeout(() => void flow.fitView({ maxZoom: 1 }), 150);
  };
  const importYaml = (text: string) => {
    const { draft } = readDraft(text);
    if (draft) {
      editor.load(draft);
      saved.startNew();
      setTimeout(() => void flow.fitView({ maxZoom: 1 }), 150);
    } else editor.editYaml(text);
  };

  useKeyboardShortcuts({
    undo: editor.undo,
    redo: editor.redo,
    copy: () => (clipboard.current = copyNodes(definition, selection)),
    paste: () => {
      const clip = clipboard.current;
      if (!clip || Object.keys(clip.nodes).length === 0) return;
      let ids: string[] = [];
      editor.edit((d) => {
        const pasted = pasteNodes(d, clip);
        ids = pasted.ids;
        return pasted.definition;
      });
      setSelection(ids);
    },
    save: () => void saved.save(editor.draft).then((ok) => ok && list.reload()),
  });

  return (
    <div className={`designer ${showYaml ? 'with-yaml' : ''}`}>
      <Toolbar
        title={definition.title || 'Workflow designer'}
        workflows={list.workflows}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        isAdmin={isAdmin}
        showYaml={showYaml}
        saveStatus={status}
        onReload={saved.failure?.conflict ? () => void open(definition.workflow) : undefined}
        onOpen={(slug) => void open(slug)}
        onNew={() => {
          editor.load(emptyDraft());
          saved.startNew();
          setSelection([]);
        }}
        onImport={importYaml}
        onExport={() => downloadText(`${definition.workflow}.yaml`, editor.draft.yaml)}
        onSave={() => void saved.save(editor.draft).then((ok) => ok && list.reload())}
        onPublish={() => void saved.publish(editor.draft).then(list.reload)}
        onUndo={editor.undo}
        onRedo={editor.redo}
        onLayout={() => void layout()}
        onToggleYaml={() => setShowYaml(!showYaml)}
        onSignOut={() => {
          storeToken(null);
          onSignOut();
        }}
      />
      {saved.message && (
        <p className={`status-line ${saved.tone}`} role={saved.tone === 'error' ? 'alert' : 'status'}>
          {saved.message}
        </p>
      )}
      <Palette onAdd={addInView} />
      <main className="work">
        {view && (
          <ViewBanner
            view={view}
            onClose={() => {
              views.close();
              fitSoon();
            }}
          />
        )}
        {views.error && (
          <p role="alert" className="view-error">
            {views.error}
          </p>
        )}
        <Canvas
          definition={view?.definition ?? definition}
          readOnly={view !== null}
          overlay={overlay}
          edit={view ? ignoreEdit : editor.edit}
          onAddAt={addAt}
          onSelect={select}
        />
        {!view && <ProblemsList problems={problems} onJump={jumpTo} />}
      </main>
      {showYaml && <YamlPane text={editor.yamlText} errors={editor.yamlErrors} onChange={editor.editYaml} />}
      <aside className="sidebar">
        <div className="tabs" role="tablist">
          {tabs.map(([key, label]) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              onClick={() => setTab(key)}
            >
              {label}
            </button>
          ))}
        </div>
        {tab === 'properties' && (
          <PropertiesPanel
            definition={definition}
            selected={selection}
            reference={reference}
            catalogue={catalogue}
            problems={byNode}
            edit={editor.edit}
            onSelect={select}
          />
        )}
        {tab === 'simulate' && (
          <SimulatePanel definition={definition} catalogue={catalogue} onPath={setSimPath} />
        )}
        {tab === 'whatif' && (
          <WhatIfPanel
            slug={saved.baseRevision === null ? '' : definition.workflow}
            yaml={editor.draft.yaml}
            onAnswer={setWhatIf}
          />
        )}
        {tab === 'history' && (
          <HistoryPanel
            slug={saved.baseRevision === null ? '' : definition.workflow}
            refreshKey={list.workflows}
            onOpen={(version) => void views.openVersion(version).then(fitSoon)}
            onCompare={(from, to) => void views.compare(from, to).then(fitSoon)}
            onRestore={(version) => void views.restore(version).then((ok) => ok && list.reload())}
          />
        )}
        {tab === 'live' && <LivePanel onRun={(run) => (views.showRun(run), fitSoon())} />}
      </aside>
    </div>
  );
}

type Tab = 'properties' | 'simulate' | 'whatif' | 'history' | 'live';
const tabs: [Tab, string][] = [
  ['properties', 'Properties'],
  ['simulate', 'Simulate'],
  ['whatif', 'What-if'],
  ['history', 'History'],
  ['live', 'Live'],
];

/** A read-only canvas drops edits. */
function ignoreEdit(): void {}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

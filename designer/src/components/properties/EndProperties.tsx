/** End step fields: how the request was resolved, its final status, and the public closing message. */
import { extendedStatus, type EndNode } from '@civicdesk/schemas';
import { SelectField, TextField } from './fields.js';

const statuses = extendedStatus.options.map((s) => ({ value: s, label: s.replace(/_/g, ' ') }));

export function EndProperties({
  node,
  onChange,
}: {
  node: EndNode;
  onChange(node: EndNode, merge?: string): void;
}) {
  return (
    <>
      <TextField
        label="Resolution"
        value={node.resolution}
        hint="e.g. fixed, duplicate, not_found"
        onChange={(resolution) => onChange({ ...node, resolution }, 'resolution')}
      />
      <SelectField
        label="Status"
        value={node.status}
        options={statuses}
        onChange={(status) => onChange({ ...node, status: status as EndNode['status'] })}
      />
      <TextField
        label="Message to the resident"
        multiline
        value={node.message ?? ''}
        onChange={(message) => onChange({ ...node, message }, 'message')}
      />
    </>
  );
}

/**
 * Workflow files as people write them, kept in strings so the repository's formatter cannot restyle
 * them: the tests prove we keep each file's own formatting.
 */

/** Hand-aligned comments, padded flow lists, a folded message, blank lines between nodes. */
export const handWritten = `# yaml-language-server: $schema=../../schemas/workflow.schema.json
# Pothole repair, as the streets department drew it.
workflow: pothole-repair
title: Pothole repair
services: [ pothole ]          # Open311 service codes routed here
owner: streets-team            # not in the DSL; must survive edits
start: triage

nodes:
  triage:
    type: decision
    rules:                     # first match wins; json-rules-engine conditions
      - name: deep
        when: { all: [ { fact: attributes.depth_cm, operator: greaterThanInclusive, value: 10 } ] }
        next: urgent-repair
    default: inspect

  inspect:
    type: task
    title: "Inspect the site"
    assign: { department: streets, role: inspector }
    sla: P3D                   # ISO 8601 duration
    outcomes: { confirmed: schedule-repair, not_found: close-not-found }
    escalate: [{ after: P3D, reassign_to: { department: streets, role: supervisor } }]

  urgent-repair:
    type: task
    kind: work
    title: Repair today
    assign:
      department: streets
      role: crew
    sla: PT8H
    outcomes:
      repaired: close-fixed

  schedule-repair:
    type: action
    action: set_status
    status: action_scheduled
    note: 'A crew will fix it within two weeks.'
    next: urgent-repair

  # Closing steps
  close-fixed:
    type: end
    resolution: fixed
    status: fixed
    message: >-
      The pothole has been filled.
      Thank you for reporting it.

  close-not-found:
    type: end
    resolution: not_found
    message: "Our inspector could not find the pothole at this location."

layout: { triage: { x: 0, y: 0 }, inspect: { x: 240, y: 0 } }   # designer only; engine ignores it
`;

/** The same workflow as Prettier formats it, as files in this repository are. */
export const prettierFormatted = `# yaml-language-server: $schema=../../schemas/workflow.schema.json
# Pothole repair, as the streets department drew it.
workflow: pothole-repair
title: Pothole repair
services: [pothole] # Open311 service codes routed here
owner: streets-team # not in the DSL; must survive edits
start: triage

nodes:
  triage:
    type: decision
    rules: # first match wins; json-rules-engine conditions
      - name: deep
        when: { all: [{ fact: attributes.depth_cm, operator: greaterThanInclusive, value: 10 }] }
        next: urgent-repair
    default: inspect

  inspect:
    type: task
    title: 'Inspect the site'
    assign: { department: streets, role: inspector }
    sla: P3D # ISO 8601 duration
    outcomes: { confirmed: schedule-repair, not_found: close-not-found }
    escalate: [{ after: P3D, reassign_to: { department: streets, role: supervisor } }]

  urgent-repair:
    type: task
    kind: work
    title: Repair today
    assign:
      department: streets
      role: crew
    sla: PT8H
    outcomes:
      repaired: close-fixed

  schedule-repair:
    type: action
    action: set_status
    status: action_scheduled
    note: 'A crew will fix it within two weeks.'
    next: urgent-repair

  # Closing steps
  close-fixed:
    type: end
    resolution: fixed
    status: fixed
    message: >-
      The pothole has been filled.
      Thank you for reporting it.

  close-not-found:
    type: end
    resolution: not_found
    message: 'Our inspector could not find the pothole at this location.'

layout: { triage: { x: 0, y: 0 }, inspect: { x: 240, y: 0 } } # designer only; engine ignores it
`;

/** Placeholder: the visual workflow designer arrives with its own issue. */
export function App() {
  return (
    <main>
      <h1>CivicDesk workflow designer</h1>
      <p>
        Draw, validate, simulate and publish department workflows. The canvas is being built; until then
        workflows are YAML files in <code>examples/springfield/workflows</code>.
      </p>
      <p>
        <a href="/">Back to the resident portal</a>
      </p>
    </main>
  );
}

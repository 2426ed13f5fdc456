import { useEffect, useState } from 'react';

interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  group: string;
}

/** Placeholder home page: lists the live service catalogue from the Open311 API. */
export function App() {
  const [services, setServices] = useState<Open311Service[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch('/open311/v2/services.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setServices)
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <main>
      <header>
        <h1>Springfield 311</h1>
        <p>
          Report a problem or ask the city a question. The full report form and tracking pages are coming
          soon.
        </p>
      </header>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading">What you can report</h2>
        {error && <p role="alert">Could not load services: {error}</p>}
        {!services && !error && <p>Loading…</p>}
        <ul className="services">
          {services?.map((s) => (
            <li key={s.service_code}>
              <strong>{s.service_name}</strong> <span className="group">{s.group}</span>
              <p>{s.description}</p>
            </li>
          ))}
        </ul>
      </section>
      <footer>
        Developers: Open311 at <a href="/open311/v2/discovery.json">/open311/v2/discovery.json</a> ·{' '}
        <a href="/designer/">workflow designer</a>
      </footer>
    </main>
  );
}

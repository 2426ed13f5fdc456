/**
 * Which service an email is about: the recipient address (`pothole@311.city.gov`), else a
 * `Service:` line, else the subject's words matched against service names and keywords. A tie or no
 * match gives no service, and intake then asks the resident to say which.
 */
import type { CatalogueService } from '../service-catalogue.js';

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []);

/** The service code an email names, or undefined. */
export function matchService(
  recipients: readonly string[],
  serviceLine: string | undefined,
  subject: string,
  catalogue: readonly CatalogueService[],
): string | undefined {
  for (const recipient of recipients) {
    const local = recipient.split('@')[0]?.toLowerCase();
    const byAddress = catalogue.find((s) => s.code.toLowerCase() === local);
    if (byAddress) return byAddress.code;
  }
  if (serviceLine) {
    const wanted = serviceLine.trim().toLowerCase();
    const named = catalogue.find((s) => s.code.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
    if (named) return named.code;
    const fromLine = bestByWords(serviceLine, catalogue);
    if (fromLine) return fromLine;
  }
  return bestByWords(subject, catalogue);
}

/** The single best-scoring service for a text: its name counts most, then each keyword. */
function bestByWords(text: string, catalogue: readonly CatalogueService[]): string | undefined {
  const said = words(text);
  const phrase = ` ${[...said].join(' ')} `;
  const scored = catalogue
    .map((service) => {
      const nameWords = [...words(service.name)];
      let score = phrase.includes(` ${nameWords.join(' ')} `) ? 3 : 0;
      if (said.has(service.code.toLowerCase())) score += 3;
      for (const keyword of service.keywords) if (said.has(keyword.toLowerCase())) score += 1;
      return { code: service.code, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  return best && (!next || next.score < best.score) ? best.code : undefined;
}

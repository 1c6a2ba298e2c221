// A one-shot confirmation carried across a navigation (« Personne enregistrée. »), read once by
// the next screen that shows confirmations. Never personal data: fixed French sentences only.
let message: string | null = null;

export function setFlash(text: string): void {
  message = text;
}

export function takeFlash(): string | null {
  const text = message;
  message = null;
  return text;
}

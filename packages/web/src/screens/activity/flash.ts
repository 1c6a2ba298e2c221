// A one-shot confirmation carried across a navigation (« Passage enregistré. »), read once by the
// next activity screen.
let message: string | null = null;

export function setFlash(text: string): void {
  message = text;
}

export function takeFlash(): string | null {
  const text = message;
  message = null;
  return text;
}

/** A record as the in-memory index holds it: its id and its summary (the web's Item adds `pending`). */
export interface SummaryItem<S> {
  id: string;
  summary: S;
}

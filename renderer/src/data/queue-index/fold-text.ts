/** Lower case without accents: « Réseau » finds « reseau » and the other way round. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

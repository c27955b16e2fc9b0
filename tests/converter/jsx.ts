/** Reading the elements a recording JSX runtime builds when compiled MDX runs (hostile and round-trip tests). */

/** An element as the recording JSX runtime builds it. */
export interface El {
  type: string;
  props: { children?: unknown; [key: string]: unknown };
}
export const isEl = (x: unknown): x is El => typeof x === 'object' && x !== null && 'type' in x && 'props' in x;
export const children = (el: El): unknown[] => [el.props.children].flat().filter((c) => c !== undefined && c !== null);
/** The text an element renders, its children's text joined. */
export const textOf = (x: unknown): string => (typeof x === 'string' ? x : isEl(x) ? children(x).map(textOf).join('') : '');

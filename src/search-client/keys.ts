/**
 * Arrow keys on the search page, right after a search (nothing focused yet) or from the box:
 * down into the results, then between report titles and their matches; up from the first goes
 * back to the box.
 */

/** Move the focus for one key press, given the results list and the search box. */
export function moveFocus(e: KeyboardEvent, list: HTMLElement, input: HTMLInputElement): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  var links = Array.from(list.querySelectorAll<HTMLElement>('.group-link, .result-link'));
  if (!links.length) return;
  var active = document.activeElement;
  var at = links.indexOf(active as HTMLElement);
  if (active === input || !active || active === document.body) {
    if (e.key !== 'ArrowDown') return;
    at = -1;
  } else if (at < 0) return;
  e.preventDefault();
  var next = e.key === 'ArrowDown' ? at + 1 : at - 1;
  if (next < 0) input.focus();
  else if (next < links.length) links[next]!.focus();
}

/** Listen for the arrow keys on the whole page. */
export function arrowKeys(list: HTMLElement, input: HTMLInputElement): void {
  document.addEventListener('keydown', function (e) {
    moveFocus(e, list, input);
  });
}

import {translate} from '@docusaurus/Translate';
import styles from './viewer.module.css';

interface ViewerOptions {
  /** The figure's box holding both SVG variants; the page's CSS shows the one for the current colour mode. */
  content: HTMLElement;
  title: string;
  /** The SVG's own size (viewBox), the 100 % of the zoom. */
  width: number;
  height: number;
  /** Gets the focus back when the viewer closes. */
  opener: HTMLElement | null;
}

const cls = (name: string): string => styles[name] ?? name;
const STEP = 1.25;
const ICONS = {
  zoomIn: 'M5 12h14M12 5v14',
  zoomOut: 'M5 12h14',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  close: 'M6 6l12 12M18 6L6 18',
};
const MAX_ZOOM = 4;

/**
 * A full-screen view of one diagram in a modal <dialog>: fitted to the
 * screen, zoomed with its buttons or +, - and 0, panned by scrolling or by
 * dragging with the mouse. Escape closes it (the dialog's own behaviour) and
 * the focus returns to the button that opened it. Loaded on the first click,
 * so pages do not carry it.
 */
export function openViewer({content, title, width, height, opener}: ViewerOptions): void {
  const dialog = document.createElement('dialog');
  dialog.className = cls('viewer');
  dialog.setAttribute('aria-label', title);

  const bar = document.createElement('div');
  bar.className = cls('bar');
  const heading = document.createElement('h2');
  heading.className = cls('title');
  heading.textContent = title;
  const level = document.createElement('output');
  level.className = cls('level');

  const button = (label: string, icon: string, keys: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls('button');
    b.innerHTML = `<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="${icon}" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;
    b.setAttribute('aria-label', label);
    b.setAttribute('aria-keyshortcuts', keys);
    b.title = `${label} (${keys})`;
    b.addEventListener('click', onClick);
    return b;
  };

  const stage = document.createElement('div');
  stage.className = cls('stage');
  // Scrollable, so reachable by keyboard (arrow keys pan it).
  stage.tabIndex = 0;
  stage.setAttribute('role', 'group');
  stage.setAttribute('aria-label', title);
  const canvas = document.createElement('div');
  canvas.className = cls('canvas');
  canvas.innerHTML = content.innerHTML;
  // The SVG caps itself at its own width; here it follows the zoom.
  for (const svg of canvas.querySelectorAll('svg')) svg.style.maxWidth = 'none';
  stage.append(canvas);

  let zoom = 1;
  let fitted = true;
  const fitZoom = () => Math.min(stage.clientWidth / width, stage.clientHeight / height);
  const apply = (next: number) => {
    // Keep the point at the centre of the view where it is.
    const cx = (stage.scrollLeft + stage.clientWidth / 2) / (width * zoom);
    const cy = (stage.scrollTop + stage.clientHeight / 2) / (height * zoom);
    zoom = Math.min(MAX_ZOOM, Math.max(Math.min(fitZoom(), 1) / 2, next));
    canvas.style.width = `${width * zoom}px`;
    canvas.style.height = `${height * zoom}px`;
    stage.scrollLeft = cx * width * zoom - stage.clientWidth / 2;
    stage.scrollTop = cy * height * zoom - stage.clientHeight / 2;
    level.textContent = `${Math.round(zoom * 100)} %`;
    dialog.dataset.zoom = zoom.toFixed(3);
  };
  const zoomIn = () => {
    fitted = false;
    apply(zoom * STEP);
  };
  const zoomOut = () => {
    fitted = false;
    apply(zoom / STEP);
  };
  const fit = () => {
    fitted = true;
    apply(fitZoom());
  };

  const close = button(translate({id: 'diagram.viewer.close', message: 'Close'}), ICONS.close, 'Escape', () => dialog.close());
  bar.append(
    heading,
    level,
    button(translate({id: 'diagram.viewer.zoomOut', message: 'Zoom out'}), ICONS.zoomOut, '-', zoomOut),
    button(translate({id: 'diagram.viewer.zoomIn', message: 'Zoom in'}), ICONS.zoomIn, '+', zoomIn),
    button(translate({id: 'diagram.viewer.fit', message: 'Fit to screen'}), ICONS.fit, '0', fit),
    close,
  );
  dialog.append(bar, stage);

  dialog.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const action = {'+': zoomIn, '=': zoomIn, '-': zoomOut, _: zoomOut, '0': fit}[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });

  // Dragging with the mouse pans; touch screens pan by scrolling already.
  let drag: {x: number; y: number} | undefined;
  stage.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse' || e.button !== 0) return;
    drag = {x: e.clientX, y: e.clientY};
    stage.setPointerCapture(e.pointerId);
    stage.classList.add(cls('dragging'));
  });
  stage.addEventListener('pointermove', (e) => {
    if (!drag) return;
    stage.scrollBy(drag.x - e.clientX, drag.y - e.clientY);
    drag = {x: e.clientX, y: e.clientY};
  });
  const endDrag = () => {
    drag = undefined;
    stage.classList.remove(cls('dragging'));
  };
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);

  const onResize = () => {
    if (fitted) fit();
  };
  window.addEventListener('resize', onResize);
  dialog.addEventListener('close', () => {
    window.removeEventListener('resize', onResize);
    dialog.remove();
    opener?.focus();
  });

  document.body.append(dialog);
  dialog.showModal();
  fit();
  close.focus();
}

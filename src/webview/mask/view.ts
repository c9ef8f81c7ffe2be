// The editor's canvas area: the image at its real resolution, displayed scaled, with the mask on
// top as a canvas of the same pixel size, the brush ring and the rectangle outline. Knows about
// zoom, scrolling and the mapping between the screen and image pixels; nothing about editing.
import { pixelSpan, type PixelRect, type Point } from './core/geometry';
import { paintOverlay, type Rgb } from './core/overlay';
import { clampZoom, fitScale, stepZoom } from './core/zoom';

/** Room kept around the image when it is fitted into the view, in CSS pixels. */
const FIT_MARGIN = 16;
/** From this zoom on, image and mask pixels are drawn as crisp squares. */
const PIXELATED_FROM = 2;
/** The ring is never drawn smaller than this (CSS pixels), so a 1 px brush stays visible. */
const MIN_RING = 4;

function div(className: string): HTMLDivElement {
  const element = document.createElement('div');
  element.className = className;
  return element;
}

/** Scaled display of the image and its mask. */
export class MaskView {
  /** The scrolling, focusable area the user paints in. */
  readonly viewport = div('viewport');
  private readonly stage = div('stage');
  /** Displays the image; never drawn into a canvas, so a cross-origin image cannot taint anything read back. */
  readonly image = document.createElement('img');
  private readonly canvas = document.createElement('canvas');
  private readonly ring = div('ring');
  private readonly marquee = div('marquee');
  private context: CanvasRenderingContext2D | undefined;
  private pixels: ImageData | undefined;
  private colour: Rgb = [0, 0, 0];
  private width = 0;
  private height = 0;
  private zoom = 1;
  private fitting = true;
  private readonly resize = new ResizeObserver(() => {
    if (this.fitting) this.zoomFit();
  });

  /** Called whenever the zoom changes. */
  onZoom: (scale: number) => void = () => undefined;

  constructor() {
    this.image.className = 'image';
    this.image.alt = '';
    this.image.draggable = false;
    this.canvas.className = 'overlay';
    this.ring.hidden = true;
    this.marquee.hidden = true;
    this.stage.append(this.image, this.canvas, this.marquee, this.ring);
    this.viewport.append(this.stage);
    this.viewport.hidden = true;
    this.resize.observe(this.viewport);
  }

  /** Current zoom: CSS pixels per image pixel. */
  get scale(): number {
    return this.zoom;
  }

  /** Sets up the mask canvas for an image of this size (already shown in `image`) and fits it. */
  setImage(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.canvas.width = width;
    this.canvas.height = height;
    this.context = this.canvas.getContext('2d') ?? undefined;
    this.pixels = this.context?.createImageData(width, height);
    this.viewport.hidden = false;
    this.zoomFit();
  }

  /** The overlay colour (the theme's accent); redraws the whole mask in it. */
  setColour(colour: Rgb, mask: Readonly<Uint8Array> | undefined): void {
    this.colour = colour;
    if (mask) this.paint(mask, { x: 0, y: 0, width: this.width, height: this.height });
  }

  /** Redraws the mask where it changed (and the pixel around, whose edge may have changed with it). */
  paint(mask: Readonly<Uint8Array>, changed: PixelRect): void {
    const area = pixelSpan(changed.x - 1, changed.y - 1, changed.x + changed.width, changed.y + changed.height, this.width, this.height);
    if (!this.context || !this.pixels || !area) return;
    paintOverlay(mask, this.width, this.height, this.pixels.data, area, this.colour);
    this.context.putImageData(this.pixels, 0, 0, area.x, area.y, area.width, area.height);
  }

  /** The image point under a screen point (may lie outside the image). */
  toImage(clientX: number, clientY: number): Point {
    const box = this.stage.getBoundingClientRect();
    return { x: ((clientX - box.left) * this.width) / box.width, y: ((clientY - box.top) * this.height) / box.height };
  }

  /** The zoom that shows the whole image. */
  fitScale(): number {
    return fitScale(this.width, this.height, this.viewport.clientWidth - FIT_MARGIN, this.viewport.clientHeight - FIT_MARGIN);
  }

  /** Shows the whole image, and keeps doing so as the view is resized. */
  zoomFit(): void {
    if (!this.width) return;
    this.applyScale(this.fitScale());
    this.fitting = true;
  }

  /** Zooms to `scale`, keeping the image point under the screen point `anchor` (default: the view's centre) where it is. */
  zoomTo(scale: number, anchor?: { clientX: number; clientY: number }): void {
    if (!this.width) return;
    const box = this.viewport.getBoundingClientRect();
    const client = anchor ?? { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    this.zoomAround(scale, this.toImage(client.clientX, client.clientY), client);
  }

  /** One zoom step in or out around `anchor`. */
  zoomStep(direction: -1 | 1, anchor?: { clientX: number; clientY: number }): void {
    this.zoomTo(stepZoom(this.zoom, direction, this.fitScale()), anchor);
  }

  /** Zooms to `scale` and scrolls so that the image point `point` lands on the screen point `client` (pinch, wheel). */
  zoomAround(scale: number, point: Point, client: { clientX: number; clientY: number }): void {
    this.applyScale(clampZoom(scale, this.fitScale()));
    this.fitting = false;
    const box = this.stage.getBoundingClientRect();
    this.viewport.scrollLeft += box.left + point.x * this.zoom - client.clientX;
    this.viewport.scrollTop += box.top + point.y * this.zoom - client.clientY;
  }

  /** Scrolls the view by a screen distance (panning). */
  panBy(dx: number, dy: number): void {
    this.viewport.scrollLeft += dx;
    this.viewport.scrollTop += dy;
  }

  /** Scrolls just enough to bring an image point into view (the keyboard cursor). */
  reveal(point: Point): void {
    const view = this.viewport.getBoundingClientRect();
    const box = this.stage.getBoundingClientRect();
    const x = box.left + point.x * this.zoom;
    const y = box.top + point.y * this.zoom;
    const margin = Math.min(FIT_MARGIN * 2, view.width / 4, view.height / 4);
    if (x < view.left + margin) this.viewport.scrollLeft -= view.left + margin - x;
    else if (x > view.right - margin) this.viewport.scrollLeft += x - (view.right - margin);
    if (y < view.top + margin) this.viewport.scrollTop -= view.top + margin - y;
    else if (y > view.bottom - margin) this.viewport.scrollTop += y - (view.bottom - margin);
  }

  /** Shows the brush ring of `diameter` image pixels at an image point, or hides it. */
  showRing(point: Point | undefined, diameter = 0): void {
    this.ring.hidden = !point;
    if (!point) return;
    const size = Math.max(MIN_RING, diameter * this.zoom);
    this.ring.style.width = `${size}px`;
    this.ring.style.height = `${size}px`;
    this.ring.style.transform = `translate(${point.x * this.zoom - size / 2}px, ${point.y * this.zoom - size / 2}px)`;
  }

  /** Outlines the pixels from the one under `from` to the one under `to`, or hides the outline. */
  showMarquee(from: Point | undefined, to?: Point): void {
    const area = from && to ? pixelSpan(Math.floor(from.x), Math.floor(from.y), Math.floor(to.x), Math.floor(to.y), this.width, this.height) : undefined;
    this.marquee.hidden = !area;
    if (!area) return;
    this.marquee.style.transform = `translate(${area.x * this.zoom}px, ${area.y * this.zoom}px)`;
    this.marquee.style.width = `${area.width * this.zoom}px`;
    this.marquee.style.height = `${area.height * this.zoom}px`;
  }

  /** Which pointer cursor the view shows. */
  setCursor(kind: 'brush' | 'rectangle' | 'pan' | 'panning'): void {
    this.viewport.dataset.cursor = kind;
  }

  private applyScale(scale: number): void {
    this.zoom = scale;
    // CSSOM writes, not style attributes: allowed under the Studio's CSP (no 'unsafe-inline').
    this.stage.style.width = `${this.width * scale}px`;
    this.stage.style.height = `${this.height * scale}px`;
    this.stage.classList.toggle('pixelated', scale >= PIXELATED_FROM);
    this.onZoom(scale);
  }
}

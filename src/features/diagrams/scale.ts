/**
 * The smallest scale a diagram is drawn at. Mermaid sets text at 16 px in the
 * SVG's own units, so at 0.75 it is 12 px on screen; a column narrower than
 * 0.75 × the SVG's width scrolls the diagram sideways instead of shrinking it.
 * StaticMermaid sizes figures from it, and the legibility test and script
 * (scripts/diagrams/) judge diagrams by it.
 */
export const MIN_DIAGRAM_SCALE = 0.75;

/** The narrowest a diagram of this SVG width is drawn, in CSS px. */
export const minDiagramWidth = (svgWidth: number): number => Math.ceil(svgWidth * MIN_DIAGRAM_SCALE);

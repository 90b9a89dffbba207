import MDXComponents from '@theme-original/MDXComponents';
import StaticMermaid from '@site/src/components/StaticMermaid';

/**
 * Components every page may use without importing them. Only the diagram box
 * is here: nearly every chapter has one. The remark plugins import Lab, Ref,
 * FurtherReading and the reference lists into the pages that use them, since
 * whatever is here is in every page's JavaScript.
 */
export default {...MDXComponents, StaticMermaid};

import MDXComponents from '@theme-original/MDXComponents';
import FurtherReading from '@site/src/components/FurtherReading';
import Lab from '@site/src/components/Lab';
import Ref from '@site/src/components/Ref';
import StaticMermaid from '@site/src/components/StaticMermaid';
import ReferenceList from '@site/src/components/ReferenceList';
import ReferenceOverview from '@site/src/components/ReferenceOverview';

/** Components every page may use without importing them. */
export default {...MDXComponents, FurtherReading, Lab, Ref, ReferenceList, ReferenceOverview, StaticMermaid};

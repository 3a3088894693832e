// Shared with plugins but shipped without type declarations; the preview only hands them over.
declare module 'd3';
declare module 'prismjs';
declare module 'slate';
declare module 'slate-plain-serializer';

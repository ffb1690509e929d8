// `sift-media:<path under media/>`: a media file bundled as text into the browser build (scripts/webBuild.mjs).
declare module 'sift-media:*' {
  export const text: string;
}

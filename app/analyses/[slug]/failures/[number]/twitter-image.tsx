// The Twitter/X card image is the OpenGraph image (Next looks for a file of each name).
export { default, alt, size, contentType } from "./opengraph-image";

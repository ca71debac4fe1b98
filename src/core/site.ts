/** The archive's name: page titles, the header, and the author of a handout PDF without an organiser. */
export const SITE_NAME = '政协学习资料库';

// Channels of the drafts domain (defineChannel exports) are declared here.
export {};

/**
 * W3C Trace Context Level 2 (the editor's draft of 2026, whose {@code tracestate} key grammar is
 * {@code key = ( lcalpha / DIGIT ) 0*255 ( keychar )},
 * {@code keychar = lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@"}).
 *
 * <p>The SDK's {@code W3CTraceContextPropagator} still follows Level 1's multi-tenant key rules (one {@code @}, a
 * vendor part of 1 to 13 characters, a tenant part of at most 240) and drops single bad members while keeping the
 * rest; its {@code TraceState} builder refuses keys such as {@code foo@} or {@code foo@@bar} that Level 2 allows. So
 * {@link dev.weft.agent.tracecontext.TraceContextPropagator} replaces it for {@code tracecontext}: the
 * {@code traceparent} rules (version {@code 00} with more fields is invalid, a higher version is read by the
 * version-00 rules when what follows the flags begins with {@code -}, version {@code ff} is invalid) are the SDK's,
 * checked in place by {@link dev.weft.agent.tracecontext.TraceParentHeader} (every traced request reads one: the
 * SDK's parser cuts out the version as a string of its own and looks it up in a set, and would read the
 * {@code tracestate} again with Level 1's rules; a carrier that holds its values as bytes, such as a Kafka record's
 * headers, is read in those bytes ({@link dev.weft.agent.tracecontext.AsciiBytes}) rather than decoded to a string
 * first, and the ids checked there are not checked again by the SDK ({@link dev.weft.agent.tracecontext.RemoteParent}));
 * the {@code tracestate} header is Weft's own ({@link dev.weft.agent.tracecontext.TraceStateHeader}), read in one pass without regex into a
 * {@link dev.weft.agent.tracecontext.Level2TraceState}, which also carries the header text to write on, computed once
 * per incoming request rather than once per outgoing call.
 *
 * <p>Choices where the specification leaves them open: a header with any invalid member, or more than 32 members, is
 * discarded whole (the specification allows that, and the W3C test suite expects it); of duplicated keys the first
 * (left-most, the most recent) is kept; empty and whitespace-only members are skipped and not counted; on the way
 * out, a state longer than 512 characters is truncated by whole entries, those longer than 128 characters first, then
 * from the right.
 */
package dev.weft.agent.tracecontext;

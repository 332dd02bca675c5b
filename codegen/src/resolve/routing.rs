//! How a generated server tells a service's operations apart: by SOAPAction (SOAP 1.1) or the
//! `action` media-type parameter (1.2), else by the Body's first element. The emitter writes
//! these tables; the resolver notes the operations no request can reach.

use super::ir::{Operation, Service};

/// The routing tables of one service, first declaration winning.
#[derive(Debug, Default)]
pub struct Routes<'s> {
    /// A SOAPAction that names exactly one operation: (action, operation index).
    pub actions: Vec<(&'s str, usize)>,
    /// A body element (namespace, local name), or `None` for an empty body, claimed first by
    /// the operation: (element, operation index).
    pub bodies: Vec<(Option<(&'s str, &'s str)>, usize)>,
    /// Operations with neither an action of their own nor a body element of their own.
    pub unreachable: Vec<usize>,
}

/// The routes of `service`.
///
/// A SOAPAction several operations share (SOAPBuilders round 4 group H gives all seven the
/// same one) names none of them: those requests are routed by their body element alone.
pub fn routes(service: &Service) -> Routes<'_> {
    let mut operations_per_action: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::new();
    for op in &service.operations {
        for action in own_actions(op) {
            *operations_per_action.entry(action).or_default() += 1;
        }
    }
    let mut routes = Routes::default();
    for (index, op) in service.operations.iter().enumerate() {
        let mut reachable = false;
        for action in op.actions.values() {
            let action = action.as_str();
            if !action.is_empty()
                && operations_per_action.get(action) == Some(&1)
                && !routes.actions.iter().any(|(a, _)| *a == action)
            {
                routes.actions.push((action, index));
                reachable = true;
            }
        }
        let own = op
            .input
            .as_ref()
            .map(|el| (el.name.ns.as_str(), el.name.local.as_str()));
        let alternatives = op
            .input_alternatives
            .iter()
            .map(|q| Some((q.ns.as_str(), q.local.as_str())));
        // A substitution group's elements stand for its head, which may be abstract.
        let bodies: Vec<_> = if op.input_alternatives.is_empty() {
            vec![own]
        } else {
            alternatives.collect()
        };
        for body in bodies {
            if !routes.bodies.iter().any(|(b, _)| *b == body) {
                routes.bodies.push((body, index));
                reachable = true;
            }
        }
        if !reachable {
            routes.unreachable.push(index);
        }
    }
    routes
}

/// The distinct SOAPActions of `op` (one per SOAP version bound, often the same).
fn own_actions(op: &Operation) -> Vec<&str> {
    let mut own: Vec<&str> = op.actions.values().map(String::as_str).collect();
    own.sort_unstable();
    own.dedup();
    own
}

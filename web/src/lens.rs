//! Where a form control's value lives in the [`Request`]: how to read it, how to change it and its
//! JSON pointer (which moves when a row above it is removed). Built by composition from the root:
//! `At::root().object("overrides", ..).row("containerOverrides", .., id).field("cpu", ..)`.

use std::sync::Arc;

use runtask_core::json::escape_segment;

use crate::state::{Element, List, Object, Part, Request, RowId};

type Get<T> = Arc<dyn for<'a> Fn(&'a Request) -> Option<&'a T> + Send + Sync>;
type GetMut<T> = Arc<dyn for<'a> Fn(&'a mut Request) -> Option<&'a mut T> + Send + Sync>;
type Pointer = Arc<dyn Fn(&Request) -> Option<String> + Send + Sync>;

// These give closures their higher-ranked signatures.
fn getter<T, F: for<'a> Fn(&'a Request) -> Option<&'a T> + Send + Sync + 'static>(f: F) -> Get<T> {
    Arc::new(f)
}

fn setter<T, F: for<'a> Fn(&'a mut Request) -> Option<&'a mut T> + Send + Sync + 'static>(f: F) -> GetMut<T> {
    Arc::new(f)
}

/// A place in the request holding a `T`.
pub struct At<T: 'static> {
    get: Get<T>,
    get_mut: GetMut<T>,
    pointer: Pointer,
}

impl<T> Clone for At<T> {
    fn clone(&self) -> Self {
        At { get: self.get.clone(), get_mut: self.get_mut.clone(), pointer: self.pointer.clone() }
    }
}

impl At<Request> {
    #[must_use]
    pub fn root() -> Self {
        At { get: getter(|r| Some(r)), get_mut: setter(|r| Some(r)), pointer: Arc::new(|_| Some(String::new())) }
    }
}

impl<T: 'static> At<T> {
    /// The value, when it (still) exists.
    pub fn get<'a>(&self, r: &'a Request) -> Option<&'a T> {
        (self.get)(r)
    }

    /// Changes the value; nothing happens when it no longer exists (its row was removed).
    pub fn update(&self, r: &mut Request, f: impl FnOnce(&mut T)) {
        if let Some(v) = (self.get_mut)(r) {
            f(v);
        }
    }

    /// The JSON pointer of the value (RFC 6901).
    #[must_use]
    pub fn pointer(&self, r: &Request) -> Option<String> {
        (self.pointer)(r)
    }

    /// A member of this object.
    pub fn field<U: 'static>(
        &self,
        name: &'static str,
        get: for<'a> fn(&'a T) -> &'a U,
        get_mut: for<'a> fn(&'a mut T) -> &'a mut U,
    ) -> At<U> {
        let (pg, pm, pp) = (self.get.clone(), self.get_mut.clone(), self.pointer.clone());
        let segment = escape_segment(name);
        At {
            get: getter(move |r| pg(r).map(get)),
            get_mut: setter(move |r| pm(r).map(get_mut)),
            pointer: Arc::new(move |r| pp(r).map(|p| format!("{p}/{segment}"))),
        }
    }

    /// The fields of an object member; editing them makes a value of the wrong type an object.
    pub fn object<U: Part + 'static>(
        &self,
        name: &'static str,
        get: for<'a> fn(&'a T) -> &'a Object<U>,
        get_mut: for<'a> fn(&'a mut T) -> &'a mut Object<U>,
    ) -> At<U> {
        let (pg, pm, pp) = (self.get.clone(), self.get_mut.clone(), self.pointer.clone());
        let segment = escape_segment(name);
        At {
            get: getter(move |r| pg(r).map(|t| &get(t).fields)),
            get_mut: setter(move |r| {
                pm(r).map(|t| {
                    let o = get_mut(t);
                    o.raw = None;
                    &mut o.fields
                })
            }),
            pointer: Arc::new(move |r| pp(r).map(|p| format!("{p}/{segment}"))),
        }
    }
}

impl<U: Element + 'static> At<List<U>> {
    /// Row `id` of this list; editing it makes an element of the wrong type an object.
    pub fn item(&self, id: RowId) -> At<U> {
        let (pg, pm, pp) = (self.get.clone(), self.get_mut.clone(), self.pointer.clone());
        let pg2 = pg.clone();
        At {
            get: getter(move |r| pg(r).and_then(|l| l.get(id)).map(|row| &row.fields)),
            get_mut: setter(move |r| {
                pm(r).and_then(|l| l.get_mut(id)).map(|row| {
                    row.raw = None;
                    &mut row.fields
                })
            }),
            pointer: Arc::new(move |r| {
                let i = pg2(r).and_then(|l| l.index_of(id))?;
                pp(r).map(|p| format!("{p}/{i}"))
            }),
        }
    }
}
